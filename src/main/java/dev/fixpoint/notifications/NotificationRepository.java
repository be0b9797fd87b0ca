package dev.fixpoint.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

	record NotificationRow(UUID id, UUID userId, UUID bugId, UUID projectId, String bugKey, String bugTitle,
			String kind, UUID actorId, String text, Instant createdAt, Instant readAt) {
	}

	private static final String COLUMNS = """
			id, user_id, bug_id, project_id, bug_key, bug_title, kind, actor_id, text, created_at, read_at
			""";

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(NotificationRow row) {
		this.jdbc.sql("""
				insert into notifications (id, user_id, bug_id, project_id, bug_key, bug_title, kind, actor_id, text,
				    created_at)
				values (:id, :userId, :bugId, :projectId, :bugKey, :bugTitle, :kind, :actorId, :text, :createdAt)
				""")
			.param("id", row.id())
			.param("userId", row.userId())
			.param("bugId", row.bugId())
			.param("projectId", row.projectId())
			.param("bugKey", row.bugKey())
			.param("bugTitle", row.bugTitle())
			.param("kind", row.kind())
			.param("actorId", row.actorId())
			.param("text", row.text())
			.param("createdAt", Timestamp.from(row.createdAt()))
			.update();
	}

	/**
	 * Newest first, keyset on (created_at, id); unread ones only walk the partial index.
	 */
	List<NotificationRow> page(UUID userId, boolean unreadOnly, Instant afterTime, UUID afterId, int limit) {
		// fixed fragments only, so each variant gets the plan of its index
		String unread = unreadOnly ? " and read_at is null" : "";
		String after = afterTime == null ? "" : " and (created_at, id) < (:afterTime, :afterId)";
		var spec = this.jdbc
			.sql("select " + COLUMNS + " from notifications where user_id = :userId" + unread + after
					+ " order by created_at desc, id desc limit :limit")
			.param("userId", userId)
			.param("limit", limit);
		if (afterTime != null) {
			spec = spec.param("afterTime", Timestamp.from(afterTime)).param("afterId", afterId);
		}
		return spec.query((rs, n) -> map(rs)).list();
	}

	/**
	 * Counts at most 1,000 (the bell shows "99+" long before): bounded work for any
	 * backlog.
	 */
	static final String UNREAD_COUNT = """
			select count(*) from (select 1 from notifications where user_id = :userId and read_at is null
			                      limit 1000) unread
			""";

	int unreadCount(UUID userId) {
		return this.jdbc.sql(UNREAD_COUNT).param("userId", userId).query(Integer.class).single();
	}

	Optional<NotificationRow> find(UUID userId, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from notifications where id = :id and user_id = :userId")
			.param("id", id)
			.param("userId", userId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	int markRead(UUID userId, Collection<UUID> ids, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update notifications set read_at = :now
				where user_id = :userId and id in (:ids) and read_at is null
				""").param("now", Timestamp.from(now)).param("userId", userId).param("ids", ids).update();
	}

	int markAllRead(UUID userId, Instant now) {
		return this.jdbc.sql("update notifications set read_at = :now where user_id = :userId and read_at is null")
			.param("now", Timestamp.from(now))
			.param("userId", userId)
			.update();
	}

	private static NotificationRow map(ResultSet rs) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new NotificationRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getObject("bug_id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("bug_key"),
				rs.getString("bug_title"), rs.getString("kind"), rs.getObject("actor_id", UUID.class),
				rs.getString("text"), rs.getTimestamp("created_at").toInstant(),
				read == null ? null : read.toInstant());
	}

}
