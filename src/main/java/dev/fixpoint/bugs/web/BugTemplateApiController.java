package dev.fixpoint.bugs.web;

import java.util.List;

import dev.fixpoint.bugs.BugTemplate;
import dev.fixpoint.bugs.BugTemplateInput;
import dev.fixpoint.bugs.BugTemplates;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Bug templates")
class BugTemplateApiController {

	private final BugTemplates templates;

	BugTemplateApiController(BugTemplates templates) {
		this.templates = templates;
	}

	@GetMapping("/api/projects/{project}/templates")
	@Operation(operationId = "listBugTemplates",
			summary = "The kinds of report a project offers when filing, with their skeletons and required fields")
	List<BugTemplate> list(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.templates.list(project, user);
	}

	@PostMapping("/api/projects/{project}/templates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createBugTemplate", summary = "Define a kind of report (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "A template of the project has this name")
	BugTemplate create(@PathVariable String project, @RequestBody BugTemplateInput template,
			@Authenticated CurrentUser user) {
		return this.templates.create(project, template, user);
	}

	@GetMapping("/api/templates/{id}")
	@Operation(operationId = "getBugTemplate", summary = "A bug template")
	BugTemplate get(@PathVariable String id, @Authenticated CurrentUser user) {
		return this.templates.find(id, user);
	}

	@PatchMapping("/api/templates/{id}")
	@Operation(operationId = "editBugTemplate", summary = "Change a bug template (project admins)")
	@ApiResponse(responseCode = "200", description = "The template as changed")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "Another template of the project has this name")
	BugTemplate edit(@PathVariable String id, @RequestBody BugTemplateInput template, @Authenticated CurrentUser user) {
		return this.templates.edit(id, template, user);
	}

	@DeleteMapping("/api/templates/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteBugTemplate",
			summary = "Remove a bug template; bugs filed with it keep their fields (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	void delete(@PathVariable String id, @Authenticated CurrentUser user) {
		this.templates.delete(id, user);
	}

}
