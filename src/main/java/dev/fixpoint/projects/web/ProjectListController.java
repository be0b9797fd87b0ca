package dev.fixpoint.projects.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.Projects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A person's projects, as cards ({@code /projects}) and as the top bar's switcher menu.
 * (Where a signed-in person lands, {@code /}, is My work: module {@code mywork}.)
 */
@Controller
class ProjectListController {

	private final Projects projects;

	ProjectListController(Projects projects) {
		this.projects = projects;
	}

	@GetMapping(ProjectRoutes.PROJECTS)
	String list(@Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", new ProjectsPage(this.projects.mine(user)));
		return "projects/list";
	}

	/**
	 * Loaded by htmx into the layout's {@code #project-switcher} menu when it is first
	 * opened.
	 */
	@GetMapping(ProjectRoutes.SWITCHER)
	String switcher(@Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", new ProjectsPage(this.projects.mine(user)));
		return "projects/switcher";
	}

}
