package dev.fixpoint.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository("webhookDeliveryRepository")
class DeliveryRepository {

	/** What one attempt came to. */
	record Attempt(String state, Integer statusCode, String error, int durationMs, String responseExcerpt, Instant at) {
	}

	private static final String COLUMNS = """
			id, webhook_id, event, bug_id, state, attempts, status_code, error, duration_ms, response_excerpt, body,
			redelivery_of, created_at, last_attempt_at
			""";

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID webhookId, String event, UUID bugId, String body, UUID redeliveryOf, Instant at) {
		this.jdbc.sql("""
				insert into webhook_deliveries (id, webhook_id, event, bug_id, body, redelivery_of, created_at)
				values (:id, :webhook, :event, :bug, :body, :of, :at)
				""")
			.param("id", id)
			.param("webhook", webhookId)
			.param("event", event)
			.param("bug", bugId)
			.param("body", body)
			.param("of", redeliveryOf)
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<WebhookDelivery> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from webhook_deliveries where id = :id")
			.param("id", id)
			.query(DeliveryRepository::map)
			.optional();
	}

	/** Newest first, keyset-paginated on (created_at, id). */
	List<WebhookDelivery> page(UUID webhookId, Instant beforeTime, UUID beforeId, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				from webhook_deliveries
				where webhook_id = :webhook
				  and (cast(:time as timestamptz) is null or (created_at, id) < (cast(:time as timestamptz), :id))
				order by created_at desc, id desc
				limit :limit
				""")
			.param("webhook", webhookId)
			.param("time", beforeTime == null ? null : Timestamp.from(beforeTime))
			.param("id", beforeId)
			.param("limit", limit)
			.query(DeliveryRepository::map)
			.list();
	}

	void record(UUID id, Attempt attempt) {
		this.jdbc.sql("""
				update webhook_deliveries set state = :state, attempts = attempts + 1, status_code = :status,
				    error = :error, duration_ms = :duration, response_excerpt = :excerpt, last_attempt_at = :at
				where id = :id
				""")
			.param("id", id)
			.param("state", attempt.state())
			.param("status", attempt.statusCode())
			.param("error", attempt.error())
			.param("duration", attempt.durationMs())
			.param("excerpt", attempt.responseExcerpt())
			.param("at", Timestamp.from(attempt.at()))
			.update();
	}

	void finish(UUID id, String state, String error) {
		this.jdbc.sql("update webhook_deliveries set state = :state, error = coalesce(:error, error) where id = :id")
			.param("id", id)
			.param("state", state)
			.param("error", error)
			.update();
	}

	/** Removes finished deliveries written before {@code before}; how many. */
	int deleteFinishedBefore(Instant before) {
		return this.jdbc.sql("delete from webhook_deliveries where created_at < :before and state <> 'pending'")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static WebhookDelivery map(ResultSet rs, int n) throws SQLException {
		Timestamp last = rs.getTimestamp("last_attempt_at");
		return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
				rs.getString("event"), rs.getObject("bug_id", UUID.class), rs.getString("state"), rs.getInt("attempts"),
				(Integer) rs.getObject("status_code"), rs.getString("error"), (Integer) rs.getObject("duration_ms"),
				rs.getString("response_excerpt"), rs.getString("body"), rs.getObject("redelivery_of", UUID.class),
				rs.getTimestamp("created_at").toInstant(), last == null ? null : last.toInstant());
	}

}
