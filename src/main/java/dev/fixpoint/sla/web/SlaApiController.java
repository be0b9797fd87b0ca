package dev.fixpoint.sla.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.sla.SlaConfigRequest;
import dev.fixpoint.sla.SlaDashboard;
import dev.fixpoint.sla.SlaReport;
import dev.fixpoint.sla.SlaSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

@ApiController
@Tag(name = "SLA")
class SlaApiController {

	private final SlaSettings settings;

	private final SlaDashboard dashboard;

	SlaApiController(SlaSettings settings, SlaDashboard dashboard) {
		this.settings = settings;
		this.dashboard = dashboard;
	}

	@GetMapping("/api/projects/{project}/sla-config")
	@Operation(operationId = "getSlaConfig",
			summary = "The project's SLA targets per severity, time zone and business hours")
	SlaConfigRequest config(@PathVariable String project, @Authenticated CurrentUser user) {
		return SlaConfigRequest.of(this.settings.policy(project, user));
	}

	@PutMapping("/api/projects/{project}/sla-config")
	@Operation(operationId = "replaceSlaConfig",
			summary = "Replace the SLA configuration (admins). Targets like 30m, 4h, 3d, 1w; a missing or null "
					+ "severity has no SLA; business_hours null counts around the clock. Applies to bugs filed or re-targeted "
					+ "from now on.")
	@ApiResponse(responseCode = "200", description = "The SLA configuration as saved")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	SlaConfigRequest replace(@PathVariable String project, @RequestBody SlaConfigRequest config,
			@Authenticated CurrentUser user) {
		return SlaConfigRequest.of(this.settings.update(project, config, user));
	}

	@GetMapping("/api/projects/{project}/sla")
	@Operation(operationId = "getSlaReport",
			summary = "SLA numbers: compliance (overall, by severity, weekly), breached and at-risk bugs, mean "
					+ "time to first response")
	SlaReport report(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.dashboard.report(project, user);
	}

}
