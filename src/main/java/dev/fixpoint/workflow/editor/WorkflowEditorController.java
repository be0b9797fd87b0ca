package dev.fixpoint.workflow.editor;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.workflow.Workflow;
import dev.fixpoint.workflow.WorkflowTemplates;
import dev.fixpoint.workflow.WorkflowValidator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The workflow editor (project admins). One big form: its submit buttons add, remove and
 * move statuses, apply a template or save ({@code op}); each re-renders the form with the
 * change (htmx: only the editor). Saving goes through {@link ProjectWorkflows#replace},
 * which validates and moves the bugs of removed statuses in one transaction; the mapping
 * for them is asked for on the page.
 */
@Controller
class WorkflowEditorController {

	private final ProjectAccess access;

	private final ProjectWorkflows workflows;

	WorkflowEditorController(ProjectAccess access, ProjectWorkflows workflows) {
		this.access = access;
		this.workflows = workflows;
	}

	@GetMapping("/p/{project}/settings/workflow")
	ModelAndView editor(@PathVariable String project, @RequestParam(required = false) String saved,
			@Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		WorkflowEditorView view = new WorkflowEditorView(admin.capabilities(),
				WorkflowForm.of(admin.project().workflow()), List.of(), Map.of(), WorkflowTemplates.all(),
				saved != null);
		return new ModelAndView("workflow/editor/workflow", "view", view);
	}

	@PostMapping("/p/{project}/settings/workflow")
	ModelAndView edit(@PathVariable String project, @RequestParam MultiValueMap<String, String> params,
			HtmxRequest htmx, @Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		WorkflowForm form = WorkflowForm.parse(params);
		String op = params.getFirst("op") == null ? "" : params.getFirst("op");
		if (op.equals("save")) {
			return save(admin, form, htmx, user);
		}
		WorkflowForm changed = switch (op.contains(":") ? op.substring(0, op.indexOf(':')) : op) {
			case "add" -> form.withNewStatus();
			case "remove" -> form.without(op.substring(op.indexOf(':') + 1));
			case "up" -> form.moved(op.substring(op.indexOf(':') + 1), -1);
			case "down" -> form.moved(op.substring(op.indexOf(':') + 1), 1);
			case "template" -> WorkflowTemplates.find(params.getFirst("template"))
				.map(t -> WorkflowForm.of(t.workflow()))
				.orElse(form);
			default -> form;
		};
		return render(view(admin, changed, user, List.of()), htmx, HttpStatus.OK);
	}

	@PostMapping("/p/{project}/settings/workflow/preview")
	ModelAndView preview(@PathVariable String project, @RequestParam MultiValueMap<String, String> params,
			@Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		return new ModelAndView("workflow/editor/workflow-preview", "view",
				view(admin, WorkflowForm.parse(params), user, List.of()));
	}

	private ModelAndView save(Membership admin, WorkflowForm form, HtmxRequest htmx, CurrentUser user) {
		String key = admin.project().key();
		return switch (Forms.submit(() -> this.workflows.replace(key, form.toWorkflow(), form.mapping(), user))) {
			case Accepted<Workflow> saved -> new ModelAndView("redirect:" + WorkflowRoutes.editor(key) + "?saved");
			// the page asks where the stranded bugs go
			case Rejected<Workflow> rejected when rejected.refusal() instanceof StrandedBugsException ->
				render(view(admin, form, user, List.of()), htmx, rejected.status());
			case Rejected<Workflow> rejected ->
				render(view(admin, form, user, rejected.errors().messages()), htmx, rejected.status());
		};
	}

	/**
	 * The form with its problems (the validator's, unless given) and the bugs its removed
	 * statuses would strand.
	 */
	private WorkflowEditorView view(Membership admin, WorkflowForm form, CurrentUser user, List<String> problems) {
		Workflow workflow = form.toWorkflow();
		List<String> shown = problems.isEmpty() ? WorkflowValidator.problems(workflow) : problems;
		Map<String, Integer> stranded = this.workflows.strandedBugs(admin.project().key(), workflow, user);
		return new WorkflowEditorView(admin.capabilities(), form, shown, stranded, WorkflowTemplates.all(), false);
	}

	private static ModelAndView render(WorkflowEditorView view, HtmxRequest htmx, HttpStatus status) {
		ModelAndView mav = new ModelAndView(
				htmx.fragment() ? "workflow/editor/workflow-editor" : "workflow/editor/workflow", "view", view);
		mav.setStatus(status);
		return mav;
	}

}
