package dev.fixpoint.notifications;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PreferenceRepository {

	private static final String COLUMNS = """
			user_id, assigned, status_change, comment, mention, sla, digest, digest_hour, digest_day, time_zone
			""";

	private final JdbcClient jdbc;

	PreferenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<NotificationPreferences> find(UUID userId) {
		return this.jdbc.sql("select " + COLUMNS + " from notification_preferences where user_id = :userId")
			.param("userId", userId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Preferences of several people at once (defaults for those without a row). */
	Map<UUID, NotificationPreferences> findAll(Collection<UUID> userIds) {
		Map<UUID, NotificationPreferences> found = new HashMap<>();
		if (!userIds.isEmpty()) {
			this.jdbc.sql("select " + COLUMNS + " from notification_preferences where user_id in (:ids)")
				.param("ids", userIds)
				.query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), map(rs)))
				.list()
				.forEach(e -> found.put(e.getKey(), e.getValue()));
		}
		userIds.forEach(id -> found.putIfAbsent(id, NotificationPreferences.defaults()));
		return found;
	}

	void save(UUID userId, NotificationPreferences p, Instant now) {
		this.jdbc.sql("""
				insert into notification_preferences (user_id, assigned, status_change, comment, mention, sla,
				    digest, digest_hour, digest_day, time_zone, updated_at)
				values (:userId, :assigned, :statusChange, :comment, :mention, :sla, :digest, :hour, :day, :zone, :now)
				on conflict (user_id) do update set assigned = excluded.assigned,
				    status_change = excluded.status_change, comment = excluded.comment, mention = excluded.mention,
				    sla = excluded.sla, digest = excluded.digest, digest_hour = excluded.digest_hour,
				    digest_day = excluded.digest_day, time_zone = excluded.time_zone, updated_at = excluded.updated_at
				""")
			.param("userId", userId)
			.param("assigned", p.delivery(NotificationKind.ASSIGNED).key())
			.param("statusChange", p.delivery(NotificationKind.STATUS_CHANGE).key())
			.param("comment", p.delivery(NotificationKind.COMMENT).key())
			.param("mention", p.delivery(NotificationKind.MENTION).key())
			.param("sla", p.delivery(NotificationKind.SLA).key())
			.param("digest", p.digest().key())
			.param("hour", p.digestHour())
			.param("day", p.digestDay().getValue())
			.param("zone", p.timeZone().getId())
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

	private static NotificationPreferences map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<NotificationKind, Delivery> email = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			email.put(kind, Delivery.parse(rs.getString(kind.key())).orElse(Delivery.DIGEST));
		}
		return new NotificationPreferences(email, DigestFrequency.parse(rs.getString("digest")).orElseThrow(),
				rs.getInt("digest_hour"), DayOfWeek.of(rs.getInt("digest_day")), ZoneId.of(rs.getString("time_zone")));
	}

}
