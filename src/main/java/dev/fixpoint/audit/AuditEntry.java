package dev.fixpoint.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded entry, as the API shows it: {@code actor} is the username at the time of
 * reading (null when nobody was signed in).
 */
public record AuditEntry(UUID id, String action, Actor actor, Target target, String ip, String userAgent,
		Map<String, Object> before, Map<String, Object> after, Instant createdAt) {

	public record Actor(UUID id, String username, String name) {
	}

	public record Target(String type, String id, String name) {
	}

}
