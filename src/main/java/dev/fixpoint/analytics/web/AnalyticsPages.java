package dev.fixpoint.analytics.web;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.analytics.Analytics;
import dev.fixpoint.analytics.AnalyticsReport;
import dev.fixpoint.analytics.AnalyticsRequest;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The analytics pages (project: every member; organization: its admins) and their
 * downloads; bad filters re-render the page with the default period and the message next
 * to the field (400).
 */
@Controller
class AnalyticsPages {

	private final Analytics analytics;

	private final ProjectAccess access;

	private final ProjectComponents components;

	private final Support support;

	AnalyticsPages(Analytics analytics, ProjectAccess access, ProjectComponents components, Support support) {
		this.analytics = analytics;
		this.access = access;
		this.components = components;
		this.support = support;
	}

	/** What the pages need besides the services: org checks and JSON. */
	@org.springframework.stereotype.Component
	record Support(Organizations organizations, JsonMapper json) {
	}

	static String project(String key) {
		return "/p/" + key + "/analytics";
	}

	@GetMapping("/p/{project}/analytics")
	ModelAndView project(@PathVariable String project, HttpServletRequest http, @Authenticated CurrentUser user) {
		Membership member = this.access.membership(project, user);
		String key = member.project().key();
		AnalyticsRequest request = AnalyticsRequest.from(http::getParameter);
		List<FieldError> errors = List.of();
		AnalyticsReport report;
		try {
			report = this.analytics.project(key, request, user);
		}
		catch (InvalidInputException ex) {
			errors = ex.fieldErrors();
			report = this.analytics.project(key, AnalyticsRequest.empty(), user);
		}
		AnalyticsView.Links links = links(key, member.project().workflow());
		String base = project(key);
		AnalyticsView view = new AnalyticsView(base, member.capabilities(), report, filters(request),
				componentNames(member), presets(base, request, this.analytics.today()), errors,
				Charts.of(report, links, this.support.json()), orgUrl(member, user), links);
		ModelAndView mav = new ModelAndView("analytics/dashboard", "view", view);
		if (!errors.isEmpty()) {
			mav.setStatus(HttpStatus.BAD_REQUEST);
		}
		return mav;
	}

	@GetMapping("/orgs/{org}/analytics")
	ModelAndView organization(@PathVariable String org, HttpServletRequest http, @Authenticated CurrentUser user) {
		AnalyticsRequest request = AnalyticsRequest.from(http::getParameter);
		List<FieldError> errors = List.of();
		AnalyticsReport report;
		try {
			report = this.analytics.organization(org, request, user);
		}
		catch (InvalidInputException ex) {
			errors = ex.fieldErrors();
			report = this.analytics.organization(org, AnalyticsRequest.empty(), user);
		}
		String base = "/orgs/" + report.scope().key() + "/analytics";
		AnalyticsView view = new AnalyticsView(base, null, report, filters(request), List.of(),
				presets(base, request, this.analytics.today()), errors, Charts.of(report, null, this.support.json()),
				null, null);
		ModelAndView mav = new ModelAndView("analytics/dashboard", "view", view);
		if (!errors.isEmpty()) {
			mav.setStatus(HttpStatus.BAD_REQUEST);
		}
		return mav;
	}

	@GetMapping("/p/{project}/analytics/export.csv")
	ResponseEntity<StreamingResponseBody> csv(@PathVariable String project, HttpServletRequest http,
			@Authenticated CurrentUser user) {
		return Exports
			.csv(this.analytics.exportProject(project, AnalyticsRequest.from(http::getParameter), user, "csv"));
	}

	@GetMapping("/p/{project}/analytics/export.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String project, HttpServletRequest http, @Authenticated CurrentUser user) {
		return Exports
			.pdf(this.analytics.exportProject(project, AnalyticsRequest.from(http::getParameter), user, "pdf"));
	}

	@GetMapping("/orgs/{org}/analytics/export.csv")
	ResponseEntity<StreamingResponseBody> orgCsv(@PathVariable String org, HttpServletRequest http,
			@Authenticated CurrentUser user) {
		return Exports
			.csv(this.analytics.exportOrganization(org, AnalyticsRequest.from(http::getParameter), user, "csv"));
	}

	@GetMapping("/orgs/{org}/analytics/export.pdf")
	ResponseEntity<byte[]> orgPdf(@PathVariable String org, HttpServletRequest http, @Authenticated CurrentUser user) {
		return Exports
			.pdf(this.analytics.exportOrganization(org, AnalyticsRequest.from(http::getParameter), user, "pdf"));
	}

	private static AnalyticsView.Filters filters(AnalyticsRequest r) {
		return new AnalyticsView.Filters(r.from(), r.to(), r.interval(), r.component(), r.severity(), r.tag());
	}

	private List<String> componentNames(Membership member) {
		return this.components.list(member.projectId()).stream().map(ProjectComponent::name).sorted().toList();
	}

	private String orgUrl(Membership member, CurrentUser user) {
		try {
			var org = this.support.organizations().membership(member.project().orgId().toString(), user);
			return org.isAdmin() ? "/orgs/" + org.slug() + "/analytics" : null;
		}
		catch (dev.fixpoint.platform.NotFoundException ex) {
			return null;
		}
	}

	private static AnalyticsView.Links links(String key, Workflow workflow) {
		List<String> open = workflow.statuses()
			.stream()
			.filter(s -> s.category() != StatusCategory.DONE)
			.map(Workflow.Status::key)
			.toList();
		List<String> done = workflow.statuses()
			.stream()
			.filter(s -> s.category() == StatusCategory.DONE)
			.map(Workflow.Status::key)
			.toList();
		return new AnalyticsView.Links("/p/" + key + "/bugs", open, done);
	}

	/** 7, 30 and 90 days up to today, and this quarter; the other filters stay. */
	static List<AnalyticsView.Preset> presets(String base, AnalyticsRequest r, LocalDate today) {
		LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
		return List.of(preset(base, r, "7 days", today.minusDays(6), today),
				preset(base, r, "30 days", today.minusDays(29), today),
				preset(base, r, "90 days", today.minusDays(89), today),
				preset(base, r, "This quarter", quarter, today));
	}

	private static AnalyticsView.Preset preset(String base, AnalyticsRequest r, String label, LocalDate from,
			LocalDate to) {
		AnalyticsView.Filters f = new AnalyticsView.Filters(from.toString(), to.toString(), r.interval(), r.component(),
				r.severity(), r.tag());
		boolean noDates = (r.from() == null || r.from().isBlank()) && (r.to() == null || r.to().isBlank());
		boolean active = from.toString().equals(r.from()) && to.toString().equals(r.to())
				|| noDates && label.equals("30 days");
		return new AnalyticsView.Preset(label, base + "?" + f.query(), active);
	}

}
