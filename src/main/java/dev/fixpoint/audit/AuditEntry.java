package dev.fixpoint.audit;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One recorded entry, as the API shows it: {@code actor} is the username at the time of
 * reading (null when nobody was signed in).
 */
public record AuditEntry(UUID id, String action, Actor actor, Target target, String ip, String userAgent,
		JsonNode before, JsonNode after, Instant createdAt) {

	public record Actor(UUID id, String username, String name) {
	}

	public record Target(String type, String id, String name) {
	}

}
