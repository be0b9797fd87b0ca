package dev.fixpoint.analytics.web;

import dev.fixpoint.analytics.Analytics;
import dev.fixpoint.analytics.AnalyticsReport;
import dev.fixpoint.analytics.AnalyticsRequest;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@ApiController
@Tag(name = "Analytics")
class AnalyticsApiController {

	static final String PARAMS = " Parameters (all optional): from and to (whole UTC days, to included; default the "
			+ "last 30 days), interval day|week|month, component (name or id), severity, tag. 400 naming the field for "
			+ "a bad day, from after to, a range over 5 years, an unknown interval or severity, a component of another "
			+ "project.";

	private final Analytics analytics;

	AnalyticsApiController(Analytics analytics) {
		this.analytics = analytics;
	}

	@GetMapping("/api/projects/{project}/analytics")
	@Operation(operationId = "getProjectAnalytics",
			summary = "A project's analytics (every member; non-members 404): created, resolved and reopened "
					+ "series with the open backlog line, open bugs by severity and priority, time to resolve (mean, median, "
					+ "by severity, trend), velocity, throughput by resolution, reopen rate, time in status (completed "
					+ "stretches; ignores tag), age of open bugs, workload per member, hotspots by component and tag, SLA "
					+ "compliance." + PARAMS)
	AnalyticsReport project(@PathVariable String project, @ParameterObject AnalyticsRequest request,
			@Authenticated CurrentUser user) {
		return this.analytics.project(project, request, user);
	}

	@GetMapping("/api/orgs/{org}/analytics")
	@Operation(operationId = "getOrgAnalytics",
			summary = "The same numbers across an organization's projects, plus one line per project (org "
					+ "admins; other members 403, non-members 404). No component filter." + PARAMS)
	@ApiResponse(responseCode = "200", description = "The organization's numbers")
	@ApiResponse(responseCode = "403", description = "Not an admin of the organization")
	AnalyticsReport organization(@PathVariable String org, @ParameterObject AnalyticsRequest request,
			@Authenticated CurrentUser user) {
		return this.analytics.organization(org, request, user);
	}

	@GetMapping(value = "/api/projects/{project}/analytics/export.csv", produces = "text/csv")
	@Operation(operationId = "exportProjectAnalyticsCsv",
			summary = "The project's analytics as CSV (section,item,metric,value), streamed." + PARAMS)
	ResponseEntity<StreamingResponseBody> csv(@PathVariable String project, @ParameterObject AnalyticsRequest request,
			@Authenticated CurrentUser user) {
		return Exports.csv(this.analytics.exportProject(project, request, user, "csv"));
	}

	@GetMapping(value = "/api/projects/{project}/analytics/export.pdf", produces = "application/pdf")
	@Operation(operationId = "exportProjectAnalyticsPdf",
			summary = "The project's analytics as a PDF report: title, period, generated-at, charts and tables."
					+ PARAMS)
	ResponseEntity<byte[]> pdf(@PathVariable String project, @ParameterObject AnalyticsRequest request,
			@Authenticated CurrentUser user) {
		return Exports.pdf(this.analytics.exportProject(project, request, user, "pdf"));
	}

	@GetMapping(value = "/api/orgs/{org}/analytics/export.csv", produces = "text/csv")
	@Operation(operationId = "exportOrgAnalyticsCsv",
			summary = "The organization's analytics as CSV, streamed (org admins)." + PARAMS)
	@ApiResponse(responseCode = "200", description = "The CSV export")
	@ApiResponse(responseCode = "403", description = "Not an admin of the organization")
	ResponseEntity<StreamingResponseBody> orgCsv(@PathVariable String org, @ParameterObject AnalyticsRequest request,
			@Authenticated CurrentUser user) {
		return Exports.csv(this.analytics.exportOrganization(org, request, user, "csv"));
	}

	@GetMapping(value = "/api/orgs/{org}/analytics/export.pdf", produces = "application/pdf")
	@Operation(operationId = "exportOrgAnalyticsPdf",
			summary = "The organization's analytics as a PDF report (org admins)." + PARAMS)
	@ApiResponse(responseCode = "200", description = "The PDF report")
	@ApiResponse(responseCode = "403", description = "Not an admin of the organization")
	ResponseEntity<byte[]> orgPdf(@PathVariable String org, @ParameterObject AnalyticsRequest request,
			@Authenticated CurrentUser user) {
		return Exports.pdf(this.analytics.exportOrganization(org, request, user, "pdf"));
	}

}
