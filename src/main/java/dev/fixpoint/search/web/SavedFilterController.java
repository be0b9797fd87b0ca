package dev.fixpoint.search.web;

import java.util.Map;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.platform.web.LocalRedirect;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.search.SavedFilter;
import dev.fixpoint.search.SavedFilters;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved filters in the pages: the panel the bug list loads (a page of its own without
 * JavaScript), saving the current search, and deleting one's own.
 */
@Controller
class SavedFilterController {

	private final SavedFilters filters;

	private final ProjectAccess access;

	SavedFilterController(SavedFilters filters, ProjectAccess access) {
		this.filters = filters;
		this.access = access;
	}

	@GetMapping("/p/{project}/filters")
	ModelAndView panel(@PathVariable String project, @Authenticated CurrentUser user, HttpServletRequest request) {
		Membership member = this.access.membership(project, user);
		String key = member.project().key();
		FilterPanel panel = new FilterPanel(member.capabilities(), this.filters.list(key, user), user.id(),
				"/p/" + key + "/bugs");
		return new ModelAndView("search/filters",
				Map.of("panel", panel, "fragment", HtmxRequest.of(request).request()));
	}

	@PostMapping("/p/{project}/filters")
	String save(@PathVariable String project, @RequestParam(required = false) String name,
			@RequestParam(required = false) String query, @RequestParam(defaultValue = "false") boolean shared,
			@Authenticated CurrentUser user, RedirectAttributes redirect) {
		String key = this.access.membership(project, user).project().key();
		String notice = switch (Forms.alsoInForm(ForbiddenException.class)
			.submit(() -> this.filters.save(key, name, query, shared, user))) {
			case Accepted<SavedFilter>(SavedFilter saved) -> "Saved filter \"" + saved.name() + "\".";
			case Rejected<SavedFilter> rejected -> "Not saved: " + String.join(" ", SearchPages.messages(rejected));
		};
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + SearchRoutes.search(key, query);
	}

	@PostMapping("/filters/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(required = false) String next, @Authenticated CurrentUser user,
			RedirectAttributes redirect) {
		this.filters.delete(id, user);
		redirect.addFlashAttribute("notice", "Filter deleted.");
		return "redirect:" + LocalRedirect.orElse(next, SearchRoutes.SEARCH);
	}

}
