package dev.fixpoint.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.bugs.FiledBugRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WatcherRepository {

	enum Reason {

		REPORTER, ASSIGNEE, COMMENTER, EXPLICIT;

		String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	record WatchRow(String state, String reason) {

		boolean muted() {
			return "muted".equals(this.state);
		}

	}

	private final JdbcClient jdbc;

	WatcherRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Starts watching unless the person already watches or muted the bug (a mute always
	 * wins); several people in one statement (a new bug's reporter and assignee).
	 */
	void watchAutomatically(UUID bugId, Map<UUID, Reason> people, Instant now) {
		if (people.isEmpty()) {
			return;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("bugId", bugId);
		String insert = automaticWatches("cast(:bugId as uuid)", "", people, now, params);
		this.jdbc.sql(insert).params(params).update();
	}

	/**
	 * {@link #watchAutomatically} for a bug being filed, as a CTE of the bug's insert
	 * statement ({@link FiledBugRows}).
	 */
	static FiledBugRows.Rows watchWithBug(Map<UUID, Reason> people, Instant now) {
		Map<String, Object> params = new HashMap<>();
		return new FiledBugRows.Rows(
				"watch_rows as (\n" + automaticWatches("bug.id", "bug cross join ", people, now, params) + "\n)",
				params);
	}

	/**
	 * The one insert of automatic watches: {@code bugId} is the bug's id as SQL (a
	 * parameter or the filing's CTE column), {@code from} what the people's values are
	 * joined to; the people, their reasons and the time become parameters prefixed
	 * {@code watch_}.
	 */
	private static String automaticWatches(String bugId, String from, Map<UUID, Reason> people, Instant now,
			Map<String, Object> params) {
		StringBuilder values = new StringBuilder();
		params.put("watch_now", Timestamp.from(now));
		List<Map.Entry<UUID, Reason>> entries = List.copyOf(people.entrySet());
		for (int i = 0; i < entries.size(); i++) {
			values.append(i == 0 ? "" : ", ").append("(cast(:watch_user%1$d as uuid), :watch_reason%1$d)".formatted(i));
			params.put("watch_user" + i, entries.get(i).getKey());
			params.put("watch_reason" + i, entries.get(i).getValue().key());
		}
		return """
				insert into bug_watchers (bug_id, user_id, state, reason, created_at)
				select %s, w.user_id, 'watching', w.reason, :watch_now
				from %s(values %s) as w(user_id, reason)
				on conflict (bug_id, user_id) do nothing""".formatted(bugId, from, values);
	}

	void setState(UUID bugId, UUID userId, String state, Instant now) {
		this.jdbc.sql("""
				insert into bug_watchers (bug_id, user_id, state, reason, created_at)
				values (:bugId, :userId, :state, 'explicit', :now)
				on conflict (bug_id, user_id) do update set state = excluded.state
				""")
			.param("bugId", bugId)
			.param("userId", userId)
			.param("state", state)
			.param("now", Timestamp.from(now))
			.update();
	}

	void delete(UUID bugId, UUID userId) {
		this.jdbc.sql("delete from bug_watchers where bug_id = :bugId and user_id = :userId")
			.param("bugId", bugId)
			.param("userId", userId)
			.update();
	}

	Optional<WatchRow> find(UUID bugId, UUID userId) {
		return this.jdbc.sql("select state, reason from bug_watchers where bug_id = :bugId and user_id = :userId")
			.param("bugId", bugId)
			.param("userId", userId)
			.query(WatchRow.class)
			.optional();
	}

	List<UUID> watching(UUID bugId) {
		return this.jdbc.sql("select user_id from bug_watchers where bug_id = :bugId and state = 'watching'")
			.param("bugId", bugId)
			.query(UUID.class)
			.list();
	}

	Set<UUID> mutedAmong(UUID bugId, Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select user_id from bug_watchers where bug_id = :bugId and state = 'muted' and user_id in (:ids)
				""").param("bugId", bugId).param("ids", userIds).query(UUID.class).list());
	}

	/** Which of these bugs the person muted. */
	Set<UUID> mutedBugs(UUID userId, Collection<UUID> bugIds) {
		if (bugIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select bug_id from bug_watchers where user_id = :userId and state = 'muted' and bug_id in (:ids)
				""").param("userId", userId).param("ids", bugIds).query(UUID.class).list());
	}

	/** Which of these people commented on the bug (their automatic watch says so). */
	Set<UUID> commentersAmong(UUID bugId, Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select user_id from bug_watchers where bug_id = :bugId and reason = 'commenter' and user_id in (:ids)
				""").param("bugId", bugId).param("ids", userIds).query(UUID.class).list());
	}

	record Followed(UUID bugId, Instant since) {
	}

	/**
	 * The bugs a person follows without being their reporter or assignee (watched, or
	 * commented on), newest first; keyset on (created_at, bug_id), walking
	 * {@code bug_watchers_user_following} (V31).
	 */
	List<Followed> following(UUID userId, Instant afterTime, UUID afterBug, int limit) {
		String after = afterTime == null ? "" : " and (created_at, bug_id) < (:afterTime, :afterBug)";
		var spec = this.jdbc.sql("""
				select bug_id, created_at as since from bug_watchers
				where user_id = :userId and state = 'watching' and reason in ('explicit', 'commenter')
				""" + after + " order by created_at desc, bug_id desc limit :limit")
			.param("userId", userId)
			.param("limit", limit);
		if (afterTime != null) {
			spec = spec.param("afterTime", Timestamp.from(afterTime)).param("afterBug", afterBug);
		}
		return spec
			.query((rs, n) -> new Followed(rs.getObject("bug_id", UUID.class), rs.getTimestamp("since").toInstant()))
			.list();
	}

}
