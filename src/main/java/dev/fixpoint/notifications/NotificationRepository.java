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
			String kind, UUID actorId, String text, Instant createdAt, Instant readAt, Instant inboxAt, Instant doneAt,
			boolean participating) {
	}

	private static final String COLUMNS = """
			id, user_id, bug_id, project_id, bug_key, bug_title, kind, actor_id, text, created_at, read_at, inbox_at,
			done_at, participating
			""";

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(NotificationRow row) {
		this.jdbc.sql("""
				insert into notifications (id, user_id, bug_id, project_id, bug_key, bug_title, kind, actor_id, text,
				    created_at, inbox_at, participating)
				values (:id, :userId, :bugId, :projectId, :bugKey, :bugTitle, :kind, :actorId, :text, :createdAt,
				    :createdAt, :participating)
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
			.param("participating", row.participating())
			.update();
	}

	/**
	 * A page of one folder of the triage ({@link NotificationQuery}), keyset on the
	 * folder's time and id; every variant walks a partial index of its own (V31): the
	 * inbox newest first by when it entered the inbox, snoozed ones soonest back first,
	 * done ones most recently done first.
	 */
	List<NotificationRow> page(UUID userId, NotificationQuery query, Instant now, Instant afterTime, UUID afterId,
			int limit) {
		// fixed fragments only, so each variant gets the plan of its index
		String where = switch (query.folder()) {
			case INBOX -> " and done_at is null and inbox_at <= :now";
			case SNOOZED -> " and done_at is null and inbox_at > :now";
			case DONE -> " and done_at is not null";
		};
		String filter = switch (query.filter()) {
			case ALL -> "";
			case MENTIONS -> " and kind = 'mention'";
			case ASSIGNED -> " and kind = 'assigned'";
			case PARTICIPATING -> " and participating";
		};
		String unread = query.unreadOnly() ? " and read_at is null" : "";
		String time = query.folder() == NotificationQuery.Folder.DONE ? "done_at" : "inbox_at";
		boolean ascending = query.folder() == NotificationQuery.Folder.SNOOZED;
		String after = afterTime == null ? ""
				: " and (" + time + ", id) " + (ascending ? ">" : "<") + " (:afterTime, :afterId)";
		String order = ascending ? " asc" : " desc";
		var spec = this.jdbc
			.sql("select " + COLUMNS + " from notifications where user_id = :userId" + where + filter + unread + after
					+ " order by " + time + order + ", id" + order + " limit :limit")
			.param("userId", userId)
			.param("limit", limit);
		if (query.folder() != NotificationQuery.Folder.DONE) {
			spec = spec.param("now", Timestamp.from(now));
		}
		if (afterTime != null) {
			spec = spec.param("afterTime", Timestamp.from(afterTime)).param("afterId", afterId);
		}
		return spec.query((rs, n) -> map(rs)).list();
	}

	/**
	 * Counts at most 1,000 (the bell shows "99+" long before): bounded work for any
	 * backlog. Done and snoozed ones are not in the inbox, so not counted.
	 */
	static final String UNREAD_COUNT = """
			select count(*) from (select 1 from notifications
			                      where user_id = :userId and read_at is null and done_at is null and inbox_at <= :now
			                      limit 1000) unread
			""";

	int unreadCount(UUID userId, Instant now) {
		return this.jdbc.sql(UNREAD_COUNT)
			.param("userId", userId)
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.single();
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
		return this.jdbc.sql("""
				update notifications set read_at = :now
				where user_id = :userId and read_at is null and done_at is null and inbox_at <= :now
				""").param("now", Timestamp.from(now)).param("userId", userId).update();
	}

	/** Done: out of the inbox (archived), read. */
	int markDone(UUID userId, Collection<UUID> ids, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update notifications set done_at = :now, read_at = coalesce(read_at, :now)
				where user_id = :userId and id in (:ids) and done_at is null
				""").param("now", Timestamp.from(now)).param("userId", userId).param("ids", ids).update();
	}

	/**
	 * Snoozed: out of the inbox until {@code until}, then back on top, unread (also a
	 * done one).
	 */
	int snooze(UUID userId, Collection<UUID> ids, Instant until) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update notifications set inbox_at = :until, read_at = null, done_at = null
				where user_id = :userId and id in (:ids)
				""").param("until", Timestamp.from(until)).param("userId", userId).param("ids", ids).update();
	}

	/**
	 * Back in the inbox now: a done one where it was, a snoozed one on top (its snooze
	 * ends).
	 */
	int restore(UUID userId, Collection<UUID> ids, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update notifications set done_at = null, inbox_at = least(inbox_at, :now)
				where user_id = :userId and id in (:ids) and (done_at is not null or inbox_at > :now)
				""").param("now", Timestamp.from(now)).param("userId", userId).param("ids", ids).update();
	}

	/**
	 * Marks read all but the {@code keep} newest unread notifications of each of these
	 * people (a fresh installation's made-up past: the demo data).
	 */
	int keepNewestUnread(Collection<UUID> userIds, int keep, Instant now) {
		if (userIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update notifications n set read_at = :now
				from (select id, row_number() over (partition by user_id order by inbox_at desc, id desc) as rn
				      from notifications
				      where user_id in (:users) and read_at is null and done_at is null) older
				where n.id = older.id and older.rn > :keep
				""").param("now", Timestamp.from(now)).param("users", userIds).param("keep", keep).update();
	}

	private static NotificationRow map(ResultSet rs) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		Timestamp done = rs.getTimestamp("done_at");
		return new NotificationRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getObject("bug_id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("bug_key"),
				rs.getString("bug_title"), rs.getString("kind"), rs.getObject("actor_id", UUID.class),
				rs.getString("text"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant(),
				rs.getTimestamp("inbox_at").toInstant(), done == null ? null : done.toInstant(),
				rs.getBoolean("participating"));
	}

}
