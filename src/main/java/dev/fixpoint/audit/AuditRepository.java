package dev.fixpoint.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.Cursor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(UUID id, AuditEvent event, String ip, String userAgent, String before, String after, Instant now) {
		this.jdbc.sql("""
				insert into audit_events (id, org_id, actor_id, action, target_type, target_id, target_name, ip,
				    user_agent, before, after, created_at)
				values (:id, :org, :actor, :action, :targetType, :targetId, :targetName, :ip, :ua,
				    cast(:before as jsonb), cast(:after as jsonb), :now)
				""")
			.param("id", id)
			.param("org", event.orgId())
			.param("actor", event.actorId())
			.param("action", event.action())
			.param("targetType", event.targetType())
			.param("targetId", event.targetId())
			.param("targetName", event.targetName())
			.param("ip", ip)
			.param("ua", userAgent)
			.param("before", before)
			.param("after", after)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Newest first, after the cursor's row. The organization's entries and its members'
	 * own (organization-less) ones: sign-ins, passwords, tokens; without an organization,
	 * every entry (the site admins' log).
	 */
	List<AuditEntry> search(AuditQuery q, Cursor.TimeAndId after, int limit) {
		StringBuilder sql = new StringBuilder("""
				select e.id, e.action, e.actor_id, u.username, u.name, e.target_type, e.target_id, e.target_name,
				    e.ip, e.user_agent, e.before::text as before, e.after::text as after, e.created_at
				from audit_events e left join users u on u.id = e.actor_id
				where true
				""");
		if (q.orgId() != null) {
			sql.append("""
					 and (e.org_id = :org or (e.org_id is null and e.actor_id in
					    (select user_id from organization_members where org_id = :org)))
					""");
		}
		if (q.action() != null && !q.action().isBlank()) {
			sql.append(q.action().endsWith(".") ? " and starts_with(e.action, :action)" : " and e.action = :action");
		}
		if (q.actorId() != null) {
			sql.append(" and e.actor_id = :actor");
		}
		if (q.from() != null) {
			sql.append(" and e.created_at >= :from");
		}
		if (q.to() != null) {
			sql.append(" and e.created_at < :to");
		}
		if (after.time() != null) {
			sql.append(" and (e.created_at, e.id) < (:afterTime, :afterId)");
		}
		sql.append(" order by e.created_at desc, e.id desc limit :limit");
		var statement = this.jdbc.sql(sql.toString()).param("limit", limit);
		if (q.orgId() != null) {
			statement = statement.param("org", q.orgId());
		}
		if (q.action() != null && !q.action().isBlank()) {
			statement = statement.param("action", q.action());
		}
		if (q.actorId() != null) {
			statement = statement.param("actor", q.actorId());
		}
		if (q.from() != null) {
			statement = statement.param("from", Timestamp.from(q.from()));
		}
		if (q.to() != null) {
			statement = statement.param("to", Timestamp.from(q.to()));
		}
		if (after.time() != null) {
			statement = statement.param("afterTime", Timestamp.from(after.time())).param("afterId", after.id());
		}
		return statement.query(this::entry).list();
	}

	/**
	 * A person's own entries and those about their account, oldest first, after a row.
	 */
	List<AuditEntry> ofPerson(UUID userId, Cursor.TimeAndId after, int limit) {
		return this.jdbc
			.sql("""
					select e.id, e.action, e.actor_id, u.username, u.name, e.target_type, e.target_id, e.target_name,
					    e.ip, e.user_agent, e.before::text as before, e.after::text as after, e.created_at
					from audit_events e left join users u on u.id = e.actor_id
					where (e.actor_id = :user or (e.target_type = 'user' and e.target_id = :userText))
					  and (cast(:afterTime as timestamptz) is null or (e.created_at, e.id) > (cast(:afterTime as timestamptz), cast(:afterId as uuid)))
					order by e.created_at, e.id limit :limit
					""")
			.param("user", userId)
			.param("userText", userId.toString())
			.param("afterTime", after.time() == null ? null : Timestamp.from(after.time()))
			.param("afterId", after.id())
			.param("limit", limit)
			.query(this::entry)
			.list();
	}

	int redact(UUID userId, List<String> values) {
		this.jdbc.sql("select set_config('fixpoint.audit_redaction', 'on', true)").query(String.class).single();
		int changed = this.jdbc
			.sql("""
					update audit_events set ip = null, user_agent = null where actor_id = :user and (ip is not null or user_agent is not null)
					""")
			.param("user", userId)
			.update();
		for (String value : values) {
			// whole words only: a short name must not redact every value that contains it
			changed += this.jdbc.sql("""
					update audit_events
					set before = case when before::text ~* :v then '{"redacted": true}'::jsonb else before end,
					    after = case when after::text ~* :v then '{"redacted": true}'::jsonb else after end,
					    target_name = case when target_name ~* :v then null else target_name end
					where before::text ~* :v or after::text ~* :v or target_name ~* :v
					""")
				.param("v", "\\m" + value.replaceAll("([.\\-+*?^$()\\[\\]{}|\\\\])", "\\\\$1") + "\\M")
				.update();
		}
		this.jdbc.sql("select set_config('fixpoint.audit_redaction', 'off', true)").query(String.class).single();
		return changed;
	}

	int deleteBefore(Instant before) {
		return this.jdbc.sql("delete from audit_events where created_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		UUID actorId = rs.getObject("actor_id", UUID.class);
		AuditEntry.Actor actor = actorId == null ? null
				: new AuditEntry.Actor(actorId, rs.getString("username"), rs.getString("name"));
		String targetType = rs.getString("target_type");
		AuditEntry.Target target = targetType == null ? null
				: new AuditEntry.Target(targetType, rs.getString("target_id"), rs.getString("target_name"));
		return new AuditEntry(rs.getObject("id", UUID.class), rs.getString("action"), actor, target, rs.getString("ip"),
				rs.getString("user_agent"), node(rs.getString("before")), node(rs.getString("after")),
				rs.getTimestamp("created_at").toInstant());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> node(String text) {
		return text == null ? null : this.json.readValue(text, Map.class);
	}

}
