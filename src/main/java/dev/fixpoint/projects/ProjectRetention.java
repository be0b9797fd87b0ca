package dev.fixpoint.projects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each project's retention policy for closed bugs (stored in {@code projects}); the bugs
 * module applies it. Only project admins change it, and every change is audited
 * ({@code project.retention_changed}).
 */
@Service
public class ProjectRetention {

	/** A project whose policy is active, for the job that applies it. */
	public record Scheduled(UUID projectId, UUID orgId, String key, RetentionPolicy policy) {
	}

	private final ProjectRepository projects;

	private final AuditLog audit;

	ProjectRetention(ProjectRepository projects, AuditLog audit) {
		this.projects = projects;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public RetentionPolicy policy(UUID projectId) {
		return this.projects.retentionOf(projectId).orElse(RetentionPolicy.KEEP);
	}

	/** Saves a validated policy in the caller's transaction (project admins). */
	@Transactional(propagation = Propagation.MANDATORY)
	public RetentionPolicy change(Membership admin, RetentionPolicy policy) {
		admin.require(ProjectAction.MANAGE_PROJECT);
		RetentionPolicy valid = policy.validated();
		RetentionPolicy before = policy(admin.projectId());
		this.projects.updateRetention(admin.projectId(), valid);
		if (!valid.equals(before)) {
			this.audit.record(AuditEvent.of("project.retention_changed", admin.user().id())
				.org(admin.project().orgId())
				.target("project", admin.projectId(), admin.project().key())
				.change(values(before), values(valid)));
		}
		return valid;
	}

	/** Projects with an active policy. */
	@Transactional(readOnly = true)
	public List<Scheduled> scheduled() {
		return this.projects.withRetention();
	}

	private static Map<String, Object> values(RetentionPolicy policy) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("retention_days", policy.retentionDays());
		values.put("retention_action", policy.retentionAction());
		return values;
	}

}
