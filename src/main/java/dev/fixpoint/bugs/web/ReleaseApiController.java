package dev.fixpoint.bugs.web;

import java.util.List;

import dev.fixpoint.bugs.NewRelease;
import dev.fixpoint.bugs.Release;
import dev.fixpoint.bugs.ReleaseChanges;
import dev.fixpoint.bugs.Releases;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Releases")
class ReleaseApiController {

	private final Releases releases;

	ReleaseApiController(Releases releases) {
		this.releases = releases;
	}

	@GetMapping("/api/projects/{project}/releases")
	@Operation(operationId = "listReleases",
			summary = "A project's releases with their open and resolved bug counts, planned and current first")
	List<Release> list(@PathVariable String project,
			@Parameter(description = "also the archived ones") @RequestParam(defaultValue = "false") boolean archived,
			@Authenticated CurrentUser user) {
		return this.releases.list(project, archived, user);
	}

	@PostMapping("/api/projects/{project}/releases")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createRelease", summary = "Create a release (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "A release of the project has this name")
	Release create(@PathVariable String project, @RequestBody NewRelease release, @Authenticated CurrentUser user) {
		return this.releases.create(project, release, user);
	}

	@GetMapping("/api/releases/{id}")
	@Operation(operationId = "getRelease", summary = "A release with its open and resolved bug counts")
	Release get(@PathVariable String id, @Authenticated CurrentUser user) {
		return this.releases.find(id, user);
	}

	@PatchMapping("/api/releases/{id}")
	@Operation(operationId = "editRelease",
			summary = "Rename, describe, plan, mark released or archive a release (project admins)")
	@ApiResponse(responseCode = "200", description = "The release as changed")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "Another release of the project has this name")
	Release edit(@PathVariable String id, @RequestBody ReleaseChanges changes, @Authenticated CurrentUser user) {
		return this.releases.edit(id, changes, user);
	}

}
