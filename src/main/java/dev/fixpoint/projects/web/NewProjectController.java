package dev.fixpoint.projects.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.NewProject;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.Projects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Creating a project from the browser; the creator becomes its admin and lands on its
 * (empty) bug list.
 */
@Controller
class NewProjectController {

	private final Projects projects;

	private final Validator validator;

	NewProjectController(Projects projects, Validator validator) {
		this.projects = projects;
		this.validator = validator;
	}

	@GetMapping(ProjectRoutes.NEW_PROJECT)
	String form(Model model) {
		model.addAttribute("page", NewProjectPage.empty());
		return "projects/new";
	}

	@PostMapping(ProjectRoutes.PROJECTS)
	String create(@ModelAttribute("projectForm") ProjectForm form, @Authenticated CurrentUser user, Model model,
			HttpServletResponse response) {
		NewProject project = form.toNewProject();
		FormErrors invalid = FormErrors.of(this.validator.validate(project));
		return switch (Forms.apiStatuses().submit(invalid, () -> this.projects.create(project, user))) {
			case Accepted<Project>(Project created) -> "redirect:" + ProjectRoutes.bugs(created.key());
			case Rejected<Project> rejected ->
				retry(model, response, new NewProjectPage(form, rejected.errors()), rejected.status().value());
		};
	}

	private static String retry(Model model, HttpServletResponse response, NewProjectPage page, int status) {
		response.setStatus(status);
		model.addAttribute("page", page);
		return "projects/new";
	}

}
