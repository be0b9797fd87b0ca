package dev.fixpoint.projects.web;

import java.net.URI;
import java.util.List;
import jakarta.validation.Valid;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.NewProject;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectChanges;
import dev.fixpoint.projects.Projects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Projects")
class ProjectApiController {

	record ProjectList(List<Project> items) {
	}

	private final Projects projects;

	private final ProjectAccess access;

	ProjectApiController(Projects projects, ProjectAccess access) {
		this.projects = projects;
		this.access = access;
	}

	@GetMapping("/api/projects")
	@Operation(operationId = "listProjects", summary = "Projects the caller is a member of")
	ProjectList list(@Authenticated CurrentUser user) {
		return new ProjectList(this.projects.mine(user));
	}

	@PostMapping("/api/projects")
	@Operation(operationId = "createProject", summary = "Create a project; the creator becomes its admin")
	@ApiResponse(responseCode = "201", description = "Created; Location names the project")
	@ApiResponse(responseCode = "409", description = "The key is taken in the organization")
	ResponseEntity<Project> create(@Valid @RequestBody NewProject project, @Authenticated CurrentUser user) {
		Project created = this.projects.create(project, user);
		return ResponseEntity.created(URI.create("/api/projects/" + created.id())).body(created);
	}

	@GetMapping("/api/projects/{project}")
	@Operation(operationId = "getProject", summary = "A project by id or key")
	Project get(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.access.membership(project, user).project();
	}

	@PatchMapping("/api/projects/{project}")
	@Operation(operationId = "updateProject",
			summary = "Change a project's name, description, visibility or integration settings (project admins)")
	@ApiResponse(responseCode = "200", description = "The project as changed")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	Project update(@PathVariable String project, @Valid @RequestBody ProjectChanges changes,
			@Authenticated CurrentUser user) {
		return this.projects.update(project, changes, user);
	}

	@DeleteMapping("/api/projects/{project}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteProject", summary = "Delete a project with all its bugs (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	void delete(@PathVariable String project, @Authenticated CurrentUser user) {
		this.projects.delete(project, user);
	}

}
