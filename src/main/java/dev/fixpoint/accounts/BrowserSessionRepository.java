package dev.fixpoint.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A person's browser sessions, the rows of Spring Session JDBC found by principal name
 * (the user id, see {@code CurrentUser.getName()}). The public id of a session is its
 * {@code primary_id}, never the cookie's {@code session_id} (that one is a credential).
 */
@Repository
class BrowserSessionRepository {

	private final JdbcClient jdbc;

	BrowserSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Spring Session keeps its times by the wall clock (epoch ms), so expiry is compared
	// with the database's
	List<ActiveSession> list(UUID userId, String currentSessionId) {
		return this.jdbc
			.sql("""
					select primary_id, session_id, creation_time, last_access_time, expiry_time
					from spring_session where principal_name = :user and expiry_time > (extract(epoch from now()) * 1000)::bigint
					order by last_access_time desc
					""")
			.param("user", userId.toString())
			.query((rs, n) -> new ActiveSession(rs.getString("primary_id").trim(),
					Instant.ofEpochMilli(rs.getLong("creation_time")),
					Instant.ofEpochMilli(rs.getLong("last_access_time")),
					Instant.ofEpochMilli(rs.getLong("expiry_time")),
					rs.getString("session_id").trim().equals(currentSessionId)))
			.list();
	}

	int delete(UUID userId, String primaryId) {
		return this.jdbc.sql("delete from spring_session where principal_name = :user and primary_id = :id")
			.param("user", userId.toString())
			.param("id", primaryId)
			.update();
	}

	/** Every session of the person but the one with this cookie id (null: all). */
	int deleteAllExcept(UUID userId, String keepSessionId) {
		return this.jdbc.sql("""
				delete from spring_session
				where principal_name = :user and (cast(:keep as text) is null or session_id <> :keep)
				""").param("user", userId.toString()).param("keep", keepSessionId).update();
	}

}
