package dev.fixpoint.projects.web;

import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.platform.web.ProblemMapping;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.ProjectMembers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's members page. Admin actions answer htmx with the re-rendered members panel and plain browsers with a
 * redirect (PRG), or with the page and an inline message when the change was refused.
 */
@Controller
class MemberController {

	private final MembersPages pages;

	private final ProjectMembers members;

	MemberController(MembersPages pages, ProjectMembers members) {
		this.pages = pages;
		this.members = members;
	}

	@GetMapping(ProjectRoutes.MEMBERS)
	String page(@PathVariable String key, @Authenticated CurrentUser user, Model model) {
		model.addAttribute("page", this.pages.load(key, user).withNotice((String) model.getAttribute("notice")));
		return "projects/members";
	}

	@PostMapping(ProjectRoutes.MEMBERS)
	String add(@PathVariable String key, MemberForm form, @Authenticated CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		MembersPage page = this.pages.load(key, user);
		try {
			Member added = this.members.add(key, user, form.user(), form.role());
			return done(key, user, added.user().name() + " was added as " + RoleLabels.of(added.role()) + ".", model, request,
					redirect);
		}
		catch (DomainException ex) {
			MembersPages.requireFormError(ex);
			return refused(page.withMemberErrors(form, FormErrors.of(ex)), ex, model, request, response);
		}
	}

	@PostMapping(ProjectRoutes.MEMBER + "/role")
	String changeRole(@PathVariable String key, @PathVariable UUID userId, @RequestParam String role,
			@Authenticated CurrentUser user, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		MembersPage page = this.pages.load(key, user);
		try {
			Member changed = this.members.changeRole(key, user, userId, role);
			return done(key, user, changed.user().name() + " is now " + RoleLabels.of(changed.role()) + ".", model, request,
					redirect);
		}
		catch (DomainException ex) {
			MembersPages.requireFormError(ex);
			return refused(page.withMemberErrors(MemberForm.empty(), FormErrors.summary(ex.getMessage())), ex, model,
					request, response);
		}
	}

	@PostMapping(ProjectRoutes.MEMBER + "/remove")
	String remove(@PathVariable String key, @PathVariable UUID userId, @Authenticated CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		MembersPage page = this.pages.load(key, user);
		try {
			this.members.remove(key, user, userId);
		}
		catch (DomainException ex) {
			MembersPages.requireFormError(ex);
			return refused(page.withMemberErrors(MemberForm.empty(), FormErrors.summary(ex.getMessage())), ex, model,
					request, response);
		}
		if (userId.equals(user.id())) { // left the project: its pages are gone for them
			return leave(request, response);
		}
		return done(key, user, "Member removed.", model, request, redirect);
	}

	private String done(String key, CurrentUser user, String notice, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (HtmxRequest.of(request).request()) {
			model.addAttribute("page", this.pages.load(key, user).withNotice(notice));
			return "projects/members-panel";
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + ProjectRoutes.members(key);
	}

	private static String refused(MembersPage page, DomainException ex, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("page", page);
		if (HtmxRequest.of(request).request()) {
			return "projects/members-panel"; // 200, so htmx swaps the panel with its message in
		}
		response.setStatus(ProblemMapping.statusOf(ex).value());
		return "projects/members";
	}

	private static String leave(HttpServletRequest request, HttpServletResponse response) {
		if (HtmxRequest.of(request).request()) {
			response.setHeader("HX-Redirect", ProjectRoutes.PROJECTS);
			return null;
		}
		return "redirect:" + ProjectRoutes.PROJECTS;
	}

}
