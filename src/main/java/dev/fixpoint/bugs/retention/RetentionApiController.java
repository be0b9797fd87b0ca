package dev.fixpoint.bugs.retention;

import dev.fixpoint.bugs.ClosedBugRetention;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.RetentionPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController
@Tag(name = "Projects")
class RetentionApiController {

	static final String PATH = "/api/projects/{project}/retention";

	private final ClosedBugRetention retention;

	RetentionApiController(ClosedBugRetention retention) {
		this.retention = retention;
	}

	@GetMapping(PATH)
	@Operation(operationId = "getRetention",
			summary = "The project's retention of closed bugs (project admins), with how many closed bugs it would "
					+ "delete or anonymise now")
	@ApiResponse(responseCode = "200", description = "The policy and due_now")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "404", description = "No such project, or the caller is not a member")
	ClosedBugRetention.RetentionSettings settings(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.retention.settings(project, user);
	}

	@PutMapping(PATH)
	@Operation(operationId = "updateRetention",
			summary = "Change the project's retention of closed bugs (project admins): retention_days (1 to 36500, "
					+ "null keeps closed bugs) after closing, retention_action delete or anonymise; with "
					+ "dry_run=true nothing is saved and due_now counts what the given policy would reach")
	@ApiResponse(responseCode = "200", description = "The policy as saved (or previewed) and due_now")
	@ApiResponse(responseCode = "400", description = "retention_days or retention_action invalid")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "404", description = "No such project, or the caller is not a member")
	ClosedBugRetention.RetentionSettings update(@PathVariable String project, @RequestBody RetentionPolicy policy,
			@RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun, @Authenticated CurrentUser user) {
		return this.retention.change(project, policy, dryRun, user);
	}

}
