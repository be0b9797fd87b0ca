package dev.fixpoint.projects.web;

import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.ProblemMapping;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectComponents;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Project admins add and delete components (shown on the members page, next to the people who own them). */
@Controller
class ComponentController {

	private final MembersPages pages;

	private final ProjectComponents components;

	ComponentController(MembersPages pages, ProjectComponents components) {
		this.pages = pages;
		this.components = components;
	}

	@PostMapping(ProjectRoutes.COMPONENTS)
	String add(@PathVariable String key, ComponentForm form, @Authenticated CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MembersPage page = this.pages.load(key, user);
		try {
			ProjectComponent created = this.components.create(key, user, form.name(), form.ownerId());
			redirect.addFlashAttribute("notice", "Component " + created.name() + " was added.");
			return "redirect:" + ProjectRoutes.members(key) + "#components";
		}
		catch (DomainException ex) {
			MembersPages.requireFormError(ex);
			response.setStatus(ProblemMapping.statusOf(ex).value());
			model.addAttribute("page", page.withComponentErrors(form, FormErrors.of(ex)));
			return "projects/members";
		}
	}

	@PostMapping(ProjectRoutes.COMPONENTS + "/{id}/delete")
	String delete(@PathVariable String key, @PathVariable UUID id, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		this.components.delete(key, user, id);
		redirect.addFlashAttribute("notice", "Component deleted.");
		return "redirect:" + ProjectRoutes.members(key) + "#components";
	}

}
