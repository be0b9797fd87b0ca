package dev.fixpoint.workflow.editor;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.workflow.Workflow;
import dev.fixpoint.workflow.WorkflowTemplates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

@ApiController
@Tag(name = "Workflow")
class WorkflowApiController {

	/** A workflow plus where the bugs of removed statuses go. */
	record WorkflowUpdate(List<Workflow.Status> statuses, List<Workflow.Transition> transitions,
			Map<String, String> statusMapping) {
	}

	private final ProjectWorkflows workflows;

	private final ProjectAccess access;

	WorkflowApiController(ProjectWorkflows workflows, ProjectAccess access) {
		this.workflows = workflows;
		this.access = access;
	}

	@GetMapping("/api/projects/{project}/workflow")
	@Operation(operationId = "getWorkflow", summary = "The project's workflow: statuses and transitions")
	Workflow get(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.access.membership(project, user).project().workflow();
	}

	@PutMapping("/api/projects/{project}/workflow")
	@Operation(operationId = "replaceWorkflow",
			summary = "Replace the workflow (admins). Bugs in removed statuses need a status_mapping (409 otherwise)")
	@ApiResponse(responseCode = "200", description = "The workflow as saved")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409",
			description = "Bugs would be stranded in a removed status: send a status_mapping")
	Workflow replace(@PathVariable String project, @RequestBody WorkflowUpdate update,
			@Authenticated CurrentUser user) {
		return this.workflows.replace(project, new Workflow(update.statuses(), update.transitions()),
				update.statusMapping(), user);
	}

	@GetMapping("/api/workflow-templates")
	@Operation(operationId = "listWorkflowTemplates", summary = "Workflow templates a project can start from")
	List<WorkflowTemplates.Template> templates() {
		return WorkflowTemplates.all();
	}

}
