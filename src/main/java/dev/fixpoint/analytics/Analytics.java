package dev.fixpoint.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectComponents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports: of a project for every member, of an organization for its admins. Checks
 * access and validates the request, then {@link ReportBuilder} asks the questions.
 */
@Service
@Transactional(readOnly = true)
public class Analytics {

	private final ProjectAccess access;

	private final Organizations organizations;

	private final ProjectComponents components;

	private final ReportBuilder builder;

	private final Clock clock;

	private final AuditLog audit;

	Analytics(ProjectAccess access, Organizations organizations, ProjectComponents components, ReportBuilder builder,
			Clock clock, AuditLog audit) {
		this.audit = audit;
		this.access = access;
		this.organizations = organizations;
		this.components = components;
		this.builder = builder;
		this.clock = clock;
	}

	/** A project's report; 404 for non-members, 400 naming the field for bad input. */
	public AnalyticsReport project(String projectRef, AnalyticsRequest request, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		Instant now = Times.now(this.clock);
		AnalyticsPeriod period = AnalyticsPeriod.of(request, today(now));
		ProjectComponent component = component(member, request.component());
		var scope = new AnalyticsReport.Scope("project", member.projectId(), member.project().key(),
				member.project().name());
		return this.builder.build(scope, List.of(member.projectId()), period, component, now);
	}

	/**
	 * An organization's report across its projects (org admins; other members 403, others
	 * 404). A component filter does not apply across projects (400).
	 */
	public AnalyticsReport organization(String orgRef, AnalyticsRequest request, CurrentUser user) {
		OrganizationMembership org = this.organizations.membership(orgRef, user);
		if (!org.isAdmin()) {
			throw ForbiddenException.because("Only organization admins see the organization's analytics");
		}
		if (request.component() != null && !request.component().isBlank()) {
			throw InvalidInputException.of("component", "applies to a project's analytics only");
		}
		Instant now = Times.now(this.clock);
		AnalyticsPeriod period = AnalyticsPeriod.of(request, today(now));
		var scope = new AnalyticsReport.Scope("organization", org.id(), org.slug(), org.name());
		return this.builder.organization(scope, org.id(), period, now);
	}

	/**
	 * {@link #project} for a download ({@code format}: csv or pdf), recorded in the audit
	 * log before the first byte is written.
	 */
	@Transactional
	public AnalyticsReport exportProject(String projectRef, AnalyticsRequest request, CurrentUser user, String format) {
		AnalyticsReport report = project(projectRef, request, user);
		recordExport(report, this.access.membership(projectRef, user).project().orgId(), user, format);
		return report;
	}

	/** {@link #organization} for a download, recorded in the audit log. */
	@Transactional
	public AnalyticsReport exportOrganization(String orgRef, AnalyticsRequest request, CurrentUser user,
			String format) {
		AnalyticsReport report = organization(orgRef, request, user);
		recordExport(report, report.scope().id(), user, format);
		return report;
	}

	private void recordExport(AnalyticsReport report, UUID orgId, CurrentUser user, String format) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("format", format);
		values.put("from", report.from().toString());
		values.put("to", report.to().toString());
		values.put("interval", report.interval());
		String area = "organization".equals(report.scope().kind()) ? "org" : "project";
		this.audit.record(AuditEvent.of(area + ".analytics_exported", user.id())
			.org(orgId)
			.target(report.scope().kind(), report.scope().id(), report.scope().key())
			.change(null, values));
	}

	/** The clock's UTC day (pages use it for their date presets). */
	public LocalDate today() {
		return today(Times.now(this.clock));
	}

	private static LocalDate today(Instant now) {
		return now.atOffset(ZoneOffset.UTC).toLocalDate();
	}

	private ProjectComponent component(Membership member, String ref) {
		if (ref == null || ref.isBlank()) {
			return null;
		}
		String value = ref.strip();
		return this.components.list(member.projectId())
			.stream()
			.filter(c -> c.name().equalsIgnoreCase(value) || c.id().toString().equalsIgnoreCase(value))
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of("component", "is not a component of this project"));
	}

}
