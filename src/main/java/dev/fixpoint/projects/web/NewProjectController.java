package dev.fixpoint.projects.web;

import java.util.Set;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.ProblemMapping;
import dev.fixpoint.projects.NewProject;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.Projects;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Creating a project from the browser; the creator becomes its admin and lands on its (empty) bug list. */
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
		Set<ConstraintViolation<NewProject>> violations = this.validator.validate(project);
		if (!violations.isEmpty()) {
			return retry(model, response, new NewProjectPage(form, FormErrors.of(violations)), 400);
		}
		try {
			Project created = this.projects.create(project, user);
			return "redirect:" + ProjectRoutes.bugs(created.key());
		}
		catch (DomainException ex) {
			return retry(model, response, new NewProjectPage(form, FormErrors.of(ex)),
					ProblemMapping.statusOf(ex).value());
		}
	}

	private static String retry(Model model, HttpServletResponse response, NewProjectPage page, int status) {
		response.setStatus(status);
		model.addAttribute("page", page);
		return "projects/new";
	}

}
