package dev.fixpoint.portal.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.portal.StatusEntry;
import dev.fixpoint.portal.StatusEntryInput;
import dev.fixpoint.portal.StatusPage;
import dev.fixpoint.portal.StatusPageView;
import dev.fixpoint.portal.StatusPublishing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The status page's JSON and publishing bugs on it. */
@ApiController
@Tag(name = "Portal")
class StatusApiController {

	private final StatusPage page;

	private final StatusPublishing publishing;

	StatusApiController(StatusPage page, StatusPublishing publishing) {
		this.page = page;
		this.publishing = publishing;
	}

	@GetMapping("/api/status/{org}")
	@Operation(operationId = "getStatusPage",
			summary = "An organization's known problems: open ones most severe first, and those fixed in the last 30 days")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "The status page")
	@ApiResponse(responseCode = "404", description = "No such organization, or it has no public project")
	StatusPageView status(@PathVariable String org) {
		return this.page.page(org);
	}

	@PutMapping("/api/bugs/{bug}/status-entry")
	@Operation(operationId = "publishStatusEntry",
			summary = "Publish a bug on the organization's status page with public wording, or change it (admins); "
					+ "a first publication is emailed to the confirmed subscribers")
	@ApiResponse(responseCode = "200", description = "The entry as the status page shows it")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	StatusEntry publish(@PathVariable String bug, @RequestBody StatusEntryInput input,
			@Authenticated CurrentUser user) {
		return this.publishing.publish(bug, input, user);
	}

	@DeleteMapping("/api/bugs/{bug}/status-entry")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "unpublishStatusEntry", summary = "Take a bug off the status page (admins)")
	@ApiResponse(responseCode = "204", description = "Taken down")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "404", description = "No such bug, or it is not on the status page")
	void unpublish(@PathVariable String bug, @Authenticated CurrentUser user) {
		this.publishing.unpublish(bug, user);
	}

}
