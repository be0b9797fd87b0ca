package dev.fixpoint.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

	/** A stored webhook; {@code secret} sealed by the secret box. */
	record WebhookRow(UUID id, UUID projectId, UUID ownerId, String url, List<String> events, String filter,
			boolean internalNotes, byte[] secret, boolean active, String disabledReason, Instant createdAt,
			Instant updatedAt) {

		boolean wants(WebhookEvent event) {
			return this.active && this.events.contains(event.key());
		}

		Webhook view() {
			return new Webhook(this.id, this.projectId, this.url, this.events, this.filter, this.internalNotes,
					this.active, this.disabledReason, this.ownerId, this.createdAt, this.updatedAt, null);
		}

	}

	private static final String COLUMNS = """
			id, project_id, owner_id, url, events, filter, internal_notes, secret, active, disabled_reason,
			created_at, updated_at
			""";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(WebhookRow row) {
		this.jdbc.sql("""
				insert into webhooks (id, project_id, owner_id, url, events, filter, internal_notes, secret, active,
				    created_at, updated_at)
				values (:id, :project, :owner, :url, string_to_array(:events, ','), :filter, :internal, :secret, true,
				    :at, :at)
				""")
			.param("id", row.id())
			.param("project", row.projectId())
			.param("owner", row.ownerId())
			.param("url", row.url())
			.param("events", String.join(",", row.events()))
			.param("filter", row.filter())
			.param("internal", row.internalNotes())
			.param("secret", row.secret())
			.param("at", Timestamp.from(row.createdAt()))
			.update();
	}

	void update(WebhookRow row) {
		this.jdbc.sql("""
				update webhooks set url = :url, events = string_to_array(:events, ','), filter = :filter,
				    internal_notes = :internal, secret = :secret, active = :active, disabled_reason = :reason,
				    updated_at = :at
				where id = :id
				""")
			.param("id", row.id())
			.param("url", row.url())
			.param("events", String.join(",", row.events()))
			.param("filter", row.filter())
			.param("internal", row.internalNotes())
			.param("secret", row.secret())
			.param("active", row.active())
			.param("reason", row.disabledReason())
			.param("at", Timestamp.from(row.updatedAt()))
			.update();
	}

	/** Disables a webhook that is still active; false when it was not (already off). */
	boolean disable(UUID id, String reason, Instant at) {
		return this.jdbc.sql("""
				update webhooks set active = false, disabled_reason = :reason, updated_at = :at
				where id = :id and active
				""").param("id", id).param("reason", reason).param("at", Timestamp.from(at)).update() == 1;
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from webhooks where id = :id").param("id", id).update();
	}

	Optional<WebhookRow> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from webhooks where id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	List<WebhookRow> ofProject(UUID projectId) {
		return this.jdbc.sql("select " + COLUMNS + " from webhooks where project_id = :project order by created_at, id")
			.param("project", projectId)
			.query(this::map)
			.list();
	}

	/** The project's active webhooks subscribed to {@code event}. */
	List<WebhookRow> listening(UUID projectId, WebhookEvent event) {
		return this.jdbc.sql("select " + COLUMNS + """
				from webhooks where project_id = :project and active and :event = any(events)
				order by created_at, id
				""").param("project", projectId).param("event", event.key()).query(this::map).list();
	}

	private WebhookRow map(ResultSet rs, int n) throws SQLException {
		Array events = rs.getArray("events");
		Timestamp updated = rs.getTimestamp("updated_at");
		return new WebhookRow(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				rs.getObject("owner_id", UUID.class), rs.getString("url"),
				List.copyOf(Arrays.asList((String[]) events.getArray())), rs.getString("filter"),
				rs.getBoolean("internal_notes"), rs.getBytes("secret"), rs.getBoolean("active"),
				rs.getString("disabled_reason"), rs.getTimestamp("created_at").toInstant(), updated.toInstant());
	}

}
