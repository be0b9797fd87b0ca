package dev.fixpoint.forge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository("forgeDeliveryRepository")
class DeliveryRepository {

	private static final String COLUMNS = """
			id, forge, delivery_id, link_id, event, action, repository, verdict, outcome, error, received_at,
			body is not null as redeliverable
			""";

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a delivery id for applying: false when it was applied (or ignored) before. A
	 * failed one is claimed again.
	 */
	Optional<UUID> claim(UUID id, Forge forge, String deliveryId, LinkRow link, String event, String action,
			String repository, Instant at) {
		return this.jdbc
			.sql("""
					insert into forge_deliveries (id, forge, delivery_id, link_id, project_id, event, action, repository,
					    verdict, received_at)
					values (:id, :forge, :deliveryId, :link, :project, :event, :action, :repository, 'applied', :at)
					on conflict (forge, delivery_id) where delivery_id is not null and verdict in ('applied', 'ignored', 'failed')
					do update set verdict = 'applied', body = null, error = null, outcome = ''
					    where forge_deliveries.verdict = 'failed'
					returning id
					""")
			.param("id", id)
			.param("forge", forge.key())
			.param("deliveryId", deliveryId)
			.param("link", link.id())
			.param("project", link.projectId())
			.param("event", event)
			.param("action", action)
			.param("repository", repository)
			.param("at", java.sql.Timestamp.from(at))
			.query(UUID.class)
			.optional();
	}

	void finish(UUID id, String verdict, String outcome) {
		this.jdbc.sql("update forge_deliveries set verdict = :verdict, outcome = :outcome where id = :id")
			.param("id", id)
			.param("verdict", verdict)
			.param("outcome", outcome)
			.update();
	}

	/**
	 * Logs a delivery that was not applied: rejected, replayed or failed (with its body).
	 */
	void log(UUID id, Forge forge, String deliveryId, LinkRow link, String event, String action, String repository,
			String verdict, String outcome, String error, byte[] body, Instant at) {
		this.jdbc
			.sql("""
					insert into forge_deliveries (id, forge, delivery_id, link_id, project_id, event, action, repository,
					    verdict, outcome, error, body, received_at)
					values (:id, :forge, :deliveryId, :link, :project, :event, :action, :repository, :verdict, :outcome,
					    :error, :body, :at)
					on conflict (forge, delivery_id) where delivery_id is not null and verdict in ('applied', 'ignored', 'failed')
					do update set verdict = excluded.verdict, error = excluded.error, body = excluded.body,
					    outcome = excluded.outcome
					""")
			.param("id", id)
			.param("forge", forge.key())
			.param("deliveryId", deliveryId)
			.param("link", link == null ? null : link.id())
			.param("project", link == null ? null : link.projectId())
			.param("event", event)
			.param("action", action)
			.param("repository", repository)
			.param("verdict", verdict)
			.param("outcome", outcome == null ? "" : outcome)
			.param("error", error)
			.param("body", body)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	List<Delivery> findByLink(UUID linkId, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				from forge_deliveries where link_id = :link order by received_at desc, id desc limit :limit
				""").param("link", linkId).param("limit", limit).query(DeliveryRepository::map).list();
	}

	List<Delivery> findByProject(UUID projectId, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				from forge_deliveries where project_id = :project order by received_at desc, id desc limit :limit
				""").param("project", projectId).param("limit", limit).query(DeliveryRepository::map).list();
	}

	Optional<Delivery> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from forge_deliveries where id = :id")
			.param("id", id)
			.query(DeliveryRepository::map)
			.optional();
	}

	Optional<byte[]> findBody(UUID id) {
		return this.jdbc.sql("select body from forge_deliveries where id = :id and body is not null")
			.param("id", id)
			.query(byte[].class)
			.optional();
	}

	int deleteReceivedBefore(Instant before) {
		return this.jdbc.sql("delete from forge_deliveries where received_at < :before")
			.param("before", java.sql.Timestamp.from(before))
			.update();
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getString("forge"), rs.getString("delivery_id"),
				rs.getObject("link_id", UUID.class), rs.getString("event"), rs.getString("action"),
				rs.getString("repository"), rs.getString("verdict"), rs.getString("outcome"), rs.getString("error"),
				rs.getTimestamp("received_at").toInstant(), rs.getBoolean("redeliverable"));
	}

}
