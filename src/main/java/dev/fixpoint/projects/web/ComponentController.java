package dev.fixpoint.projects.web;

import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectComponents;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Project admins add and delete components (shown on the members page, next to the people
 * who own them).
 */
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
		return switch (Forms.apiStatuses()
			.submit(() -> this.components.create(key, user, form.name(), form.ownerId()))) {
			case Accepted<ProjectComponent>(ProjectComponent created) -> {
				redirect.addFlashAttribute("notice", "Component " + created.name() + " was added.");
				yield "redirect:" + ProjectRoutes.members(key) + "#components";
			}
			case Rejected<ProjectComponent> rejected -> {
				response.setStatus(rejected.status().value());
				model.addAttribute("page", page.withComponentErrors(form, rejected.errors()));
				yield "projects/members";
			}
		};
	}

	@PostMapping(ProjectRoutes.COMPONENTS + "/{id}/delete")
	String delete(@PathVariable String key, @PathVariable UUID id, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		this.components.delete(key, user, id);
		redirect.addFlashAttribute("notice", "Component deleted.");
		return "redirect:" + ProjectRoutes.members(key) + "#components";
	}

}
