package dev.fixpoint.status.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.status.SystemStatus;
import dev.fixpoint.status.SystemStatuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;

/** The system status over the API (site admins only). */
@ApiController
@Tag(name = "Administration")
class SystemStatusApiController {

	private final SystemStatuses statuses;

	SystemStatusApiController(SystemStatuses statuses) {
		this.statuses = statuses;
	}

	@GetMapping("/api/admin/status")
	@ApiResponse(responseCode = "200", description = "OK")
	@Operation(operationId = "systemStatus",
			summary = "Version, uptime, database size, outbox backlogs, last backup and the nodes connected to the database")
	@ApiResponse(responseCode = "403", description = "The caller is not a site admin")
	SystemStatus status(@Authenticated CurrentUser user) {
		return this.statuses.read(user);
	}

}
