package dev.fixpoint.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code portal_updates}: what a reporter should hear about, waiting to be composed into
 * one email per address.
 */
@Repository
class UpdateRepository {

	/** A pending update with the report it belongs to. */
	record Pending(UUID id, UUID reportId, String kind, UUID commentId, Instant createdAt) {

		boolean status() {
			return "status".equals(this.kind);
		}

	}

	private final JdbcClient jdbc;

	UpdateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID reportId, String kind, UUID commentId, Instant now) {
		this.jdbc.sql("""
				insert into portal_updates (id, report_id, kind, comment_id, created_at)
				values (:id, :report, :kind, :comment, :now)
				""")
			.param("id", Ids.newId())
			.param("report", reportId)
			.param("kind", kind)
			.param("comment", commentId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Addresses (lower case) whose oldest pending update is from before {@code before}:
	 * their batch window has passed.
	 */
	List<String> dueAddresses(Instant before, int limit) {
		return this.jdbc.sql("""
				select lower(r.email) as address
				from portal_updates u join portal_reports r on r.id = u.report_id
				where u.sent_at is null
				group by lower(r.email)
				having min(u.created_at) <= :before
				order by min(u.created_at)
				limit :limit
				""").param("before", Timestamp.from(before)).param("limit", limit).query(String.class).list();
	}

	/**
	 * The address's pending updates, oldest first, locked; rows another node holds are
	 * skipped (it is composing them).
	 */
	List<Pending> lockPending(String address) {
		return this.jdbc.sql("""
				select u.id, u.report_id, u.kind, u.comment_id, u.created_at
				from portal_updates u join portal_reports r on r.id = u.report_id
				where u.sent_at is null and lower(r.email) = :address
				order by u.created_at, u.id
				for update of u skip locked
				""")
			.param("address", address)
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
					rs.getString("kind"), rs.getObject("comment_id", UUID.class),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void markSent(List<UUID> ids, Instant now) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("update portal_updates set sent_at = :now where id in (:ids)")
			.param("ids", ids)
			.param("now", Timestamp.from(now))
			.update();
	}

}
