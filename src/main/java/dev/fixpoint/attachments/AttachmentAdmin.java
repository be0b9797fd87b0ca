package dev.fixpoint.attachments;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-project attachment rules (allowed types, retention) and the status an admin page
 * shows (scanning on or off, storage backend, quota use of the project's organization).
 * Members read the rules; admins change them.
 */
@Service
public class AttachmentAdmin {

	private final ProjectAccess access;

	private final AttachmentRepository attachments;

	private final ProjectSettings settings;

	private final StatusReport status;

	AttachmentAdmin(ProjectAccess access, AttachmentRepository attachments, ProjectSettings settings,
			StatusReport status) {
		this.access = access;
		this.attachments = attachments;
		this.settings = settings;
		this.status = status;
	}

	@Transactional(readOnly = true)
	public AttachmentSettings settings(CurrentUser user, String projectRef) {
		Membership member = this.access.membership(projectRef, user);
		return this.settings.of(member.projectId());
	}

	@Transactional
	public AttachmentSettings updateSettings(CurrentUser user, String projectRef, AttachmentSettings changes) {
		Membership member = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		AttachmentSettings current = this.settings.of(member.projectId());
		Integer days = changes.retentionDaysAfterClose();
		if (days != null && (days < 1 || days > 36500)) {
			throw InvalidInputException.of("retention_days_after_close", "must be between 1 and 36500 days, or null");
		}
		AttachmentSettings updated = new AttachmentSettings(changes.allowedTypes() == null ? current.allowedTypes()
				: ContentTypes.validAllowList(changes.allowedTypes()), days);
		this.attachments.saveSettings(member.projectId(), updated);
		return updated;
	}

	/**
	 * For a project admin: scanning, backend, limits and the organization's storage use.
	 */
	@Transactional(readOnly = true)
	public AttachmentStatus status(CurrentUser user, String projectRef) {
		Membership member = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		return this.status.of(member.project().orgId());
	}

}
