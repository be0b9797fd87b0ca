package dev.fixpoint.audit;

import java.util.Map;
import java.util.UUID;

/**
 * What happened, for {@link AuditLog#record(AuditEvent)}: an action named
 * {@code area.verb} ({@code auth.sign_in}, {@code project.member_added}), who did it
 * (null for nobody signed in), the organization it belongs to (null for a person's own
 * account), the target and the values before and after (small maps, never secrets). The
 * address and user agent come from the request being served, when there is one.
 */
public record AuditEvent(String action, UUID actorId, UUID orgId, String targetType, String targetId, String targetName,
		Map<String, ?> before, Map<String, ?> after) {

	public static AuditEvent of(String action, UUID actorId) {
		return new AuditEvent(action, actorId, null, null, null, null, null, null);
	}

	public AuditEvent org(UUID org) {
		return new AuditEvent(this.action, this.actorId, org, this.targetType, this.targetId, this.targetName,
				this.before, this.after);
	}

	public AuditEvent target(String type, Object id, String name) {
		return new AuditEvent(this.action, this.actorId, this.orgId, type, id == null ? null : id.toString(), name,
				this.before, this.after);
	}

	public AuditEvent change(Map<String, ?> beforeValues, Map<String, ?> afterValues) {
		return new AuditEvent(this.action, this.actorId, this.orgId, this.targetType, this.targetId, this.targetName,
				beforeValues, afterValues);
	}

}
