package dev.fixpoint.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.projects.Project;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The JSON bodies of deliveries: {@code event}, {@code delivery_id}, {@code occurred_at},
 * the project, the actor (null: the system), then what the event is about (the bug as the
 * API shows it, the comment, ...), in the API's snake_case.
 */
@Component
class Payloads {

	private final JsonMapper json;

	private final Accounts accounts;

	Payloads(JsonMapper json, Accounts accounts) {
		this.json = json;
		this.accounts = accounts;
	}

	String body(UUID deliveryId, WebhookEvent event, Instant occurredAt, Project project, UUID actorId,
			Map<String, Object> about) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", event.key());
		body.put("delivery_id", deliveryId);
		body.put("occurred_at", occurredAt);
		body.put("project", Map.of("id", project.id(), "key", project.key(), "name", project.name()));
		body.put("actor", actorId == null ? null : this.accounts.find(actorId).orElse(null));
		body.putAll(about);
		return this.json.writeValueAsString(body);
	}

	/** The same body under a new delivery id (a redelivery). */
	String redelivered(String body, UUID deliveryId) {
		ObjectNode tree = (ObjectNode) this.json.readTree(body);
		tree.put("delivery_id", deliveryId.toString());
		return this.json.writeValueAsString(tree);
	}

}
