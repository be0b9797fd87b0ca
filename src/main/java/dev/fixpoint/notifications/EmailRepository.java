package dev.fixpoint.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.QueueGauges;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of composed emails. */
@Repository
class EmailRepository {

	record EmailRow(UUID id, UUID userId, String toAddress, String subject, String textBody, String htmlBody,
			String messageId, String threadId, String listUnsubscribe, Instant createdAt, int attempts) {
	}

	private static final String COLUMNS = """
			id, user_id, to_address, subject, text_body, html_body, message_id, thread_id, list_unsubscribe,
			created_at, attempts
			""";

	private final JdbcClient jdbc;

	EmailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(EmailRow row) {
		this.jdbc.sql("""
				insert into emails (id, user_id, to_address, subject, text_body, html_body, message_id, thread_id,
				    list_unsubscribe, created_at, next_attempt_at)
				values (:id, :userId, :to, :subject, :text, :html, :messageId, :threadId, :unsubscribe, :now, :now)
				""")
			.param("id", row.id())
			.param("userId", row.userId())
			.param("to", row.toAddress())
			.param("subject", row.subject())
			.param("text", row.textBody())
			.param("html", row.htmlBody())
			.param("messageId", row.messageId())
			.param("threadId", row.threadId())
			.param("unsubscribe", row.listUnsubscribe())
			.param("now", Timestamp.from(row.createdAt()))
			.update();
	}

	/** Instant emails composed for a person since then (the rate limit). */
	int countSince(UUID userId, Instant since) {
		return this.jdbc.sql("select count(*) from emails where user_id = :userId and created_at > :since")
			.param("userId", userId)
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/**
	 * Claims due emails for this node until {@code leaseUntil}, in one statement: rows
	 * another node is claiming are skipped, and a claim that was never settled (the node
	 * died) is taken over once its lease ran out.
	 */
	List<EmailRow> claimDue(Instant now, Instant leaseUntil, int limit) {
		return this.jdbc.sql("""
				update emails set lease_until = :leaseUntil, attempts = attempts + 1
				where id in (select id from emails
				             where sent_at is null and next_attempt_at <= :now
				               and (lease_until is null or lease_until < :now)
				             order by next_attempt_at
				             limit :limit
				             for update skip locked)
				returning
				""" + COLUMNS)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("limit", limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	void markSent(UUID id, Instant now) {
		this.jdbc.sql("update emails set sent_at = :now, lease_until = null, last_error = null where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void markFailed(UUID id, Instant nextAttempt, String error) {
		this.jdbc.sql("""
				update emails set lease_until = null, next_attempt_at = :next, last_error = :error where id = :id
				""").param("next", Timestamp.from(nextAttempt)).param("error", error).param("id", id).update();
	}

	/**
	 * The outbox's backlog, for the metrics: one statement over the partial index of
	 * unsent emails ({@code emails_due}), so it reads only the unsent rows.
	 */
	QueueGauges.Backlog backlog() {
		return this.jdbc.sql("select count(*), min(created_at) from emails where sent_at is null")
			.query((rs, n) -> new QueueGauges.Backlog(rs.getLong(1),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
			.single();
	}

	private static EmailRow map(ResultSet rs) throws SQLException {
		return new EmailRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getString("to_address"), rs.getString("subject"), rs.getString("text_body"),
				rs.getString("html_body"), rs.getString("message_id"), rs.getString("thread_id"),
				rs.getString("list_unsubscribe"), rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"));
	}

}
