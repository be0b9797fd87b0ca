package dev.fixpoint.portal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRef;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's side of the portal: its settings (project admins), what a portal bug's
 * ticket is (the reporter's email only for admins and developers), marking a report as
 * spam (admins: the bug is deleted, the address blocked for the project).
 */
@Service
public class PortalAdmin {

	private final PortalRepository portal;

	private final ProjectAccess access;

	private final ProjectComponents components;

	private final BugQueries bugs;

	private final BugManagement management;

	private final Organizations organizations;

	private final Clock clock;

	private final AuditLog audit;

	PortalAdmin(PortalRepository portal, ProjectAccess access, ProjectComponents components, BugQueries bugs,
			BugManagement management, Organizations organizations, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.organizations = organizations;
		this.portal = portal;
		this.access = access;
		this.components = components;
		this.bugs = bugs;
		this.management = management;
		this.clock = clock;
	}

	/** The address of an organization's status page. */
	@Transactional(readOnly = true)
	public String statusPagePath(java.util.UUID orgId) {
		return this.organizations.byId(orgId).map(org -> "/status/" + org.slug()).orElse(null);
	}

	/** Any member reads them (the settings page is for admins: MANAGE_PROJECT). */
	@Transactional(readOnly = true)
	public PortalSettings settings(String projectRef, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		return this.portal.settings(member.projectId()).orElseGet(PortalSettings::defaults);
	}

	@Transactional
	public PortalSettings update(String projectRef, PortalSettings changes, CurrentUser user) {
		Membership admin = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		PortalSettings valid = valid(admin, changes);
		PortalSettings before = this.portal.settings(admin.projectId()).orElseGet(PortalSettings::defaults);
		this.portal.saveSettings(admin.projectId(), valid, Times.now(this.clock));
		this.audit.record(AuditEvent.of("integration.portal_changed", user.id())
			.org(admin.project().orgId())
			.target("project", admin.projectId(), admin.project().key())
			.change(auditValues(before), auditValues(valid)));
		return valid;
	}

	private static Map<String, Object> auditValues(PortalSettings settings) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("enabled", settings.on());
		values.put("require_email_confirmation", settings.confirmationRequired());
		values.put("intro_length", settings.intro() == null ? 0 : settings.intro().length());
		values.put("fields", settings.fields());
		values.put("default_component", settings.defaultComponent());
		values.put("default_severity", settings.defaultSeverity());
		return values;
	}

	private PortalSettings valid(Membership admin, PortalSettings in) {
		List<FieldError> errors = new ArrayList<>();
		String intro = in.intro() == null ? "" : in.intro().strip();
		if (intro.length() > PortalSettings.INTRO_MAX) {
			errors.add(new FieldError("intro", "must be at most 4,000 characters"));
		}
		Set<String> fields = new LinkedHashSet<>();
		List<String> asked = in.fields() == null ? PortalField.keys() : in.fields();
		for (int i = 0; i < asked.size(); i++) {
			String key = asked.get(i);
			if (key == null || PortalField.parse(key).isEmpty()) {
				errors.add(
						new FieldError("fields[" + i + "]", "must be one of " + String.join(", ", PortalField.keys())));
			}
			else {
				fields.add(key);
			}
		}
		String component = in.defaultComponent() == null || in.defaultComponent().isBlank() ? null
				: in.defaultComponent().strip();
		if (component != null && this.components.findByName(admin.projectId(), component).isEmpty()) {
			errors.add(new FieldError("default_component", "is not a component of this project"));
		}
		String severity = in.defaultSeverity() == null ? "medium" : in.defaultSeverity();
		if (Severity.parse(severity).isEmpty()) {
			errors.add(new FieldError("default_severity", "must be one of critical, high, medium, low"));
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		return new PortalSettings(Boolean.TRUE.equals(in.enabled()),
				!Boolean.FALSE.equals(in.requireEmailConfirmation()), intro, List.copyOf(fields), component, severity);
	}

	/**
	 * The portal ticket of a bug the caller may see; 404 when it did not come through the
	 * portal.
	 */
	@Transactional(readOnly = true)
	public PortalTicketInfo ticketOf(String bugRef, CurrentUser user) {
		BugRef bug = this.bugs.locate(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user);
		PortalRepository.ReportRow report = this.portal.findByBug(bug.id())
			.orElseThrow(() -> NotFoundException.of("Portal ticket"));
		boolean seesEmail = member.role() == ProjectRole.ADMIN || member.role() == ProjectRole.DEVELOPER;
		return new PortalTicketInfo(report.ticket(), seesEmail ? report.email() : null, report.confirmedAt(),
				!report.unsubscribed(), report.createdAt(), member.can(ProjectAction.DELETE_BUG));
	}

	/**
	 * Marks a portal bug as spam (project admins): its address is blocked for the project
	 * and the bug deleted; the ticket then answers 404.
	 * @return the project's key
	 */
	@Transactional
	public String markSpam(String bugRef, CurrentUser user) {
		BugRef bug = this.bugs.locate(bugRef, user);
		this.access.membership(bug.projectId(), user).require(ProjectAction.DELETE_BUG);
		PortalRepository.ReportRow report = this.portal.findByBug(bug.id())
			.orElseThrow(() -> NotFoundException.of("Portal ticket"));
		this.portal.markSpam(report.id(), Times.now(this.clock));
		this.portal.block(report.projectId(), report.email(), Times.now(this.clock));
		this.management.delete(bug.id().toString(), user);
		return bug.key().substring(0, bug.key().indexOf('-'));
	}

}
