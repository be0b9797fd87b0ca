package dev.fixpoint.projects.web;

import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.ProjectMembers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's members page. Admin actions answer htmx with the re-rendered members panel
 * and plain browsers with a redirect (PRG), or with the page and an inline message when
 * the change was refused.
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
		return switch (Forms.apiStatuses().submit(() -> this.members.add(key, user, form.user(), form.role()))) {
			case Accepted<Member>(Member added) ->
				done(key, user, added.user().name() + " was added as " + RoleLabels.of(added.role()) + ".", model,
						request, redirect);
			case Rejected<Member> rejected ->
				refused(page.withMemberErrors(form, rejected.errors()), rejected, model, request, response);
		};
	}

	@PostMapping(ProjectRoutes.MEMBER + "/role")
	String changeRole(@PathVariable String key, @PathVariable UUID userId, @RequestParam String role,
			@Authenticated CurrentUser user, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		MembersPage page = this.pages.load(key, user);
		return switch (Forms.apiStatuses().submit(() -> this.members.changeRole(key, user, userId, role))) {
			case Accepted<Member>(Member changed) -> done(key, user,
					changed.user().name() + " is now " + RoleLabels.of(changed.role()) + ".", model, request, redirect);
			case Rejected<Member> rejected -> refused(page.withMemberErrors(MemberForm.empty(), summary(rejected)),
					rejected, model, request, response);
		};
	}

	@PostMapping(ProjectRoutes.MEMBER + "/remove")
	String remove(@PathVariable String key, @PathVariable UUID userId, @Authenticated CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		MembersPage page = this.pages.load(key, user);
		return switch (Forms.apiStatuses().run(() -> this.members.remove(key, user, userId))) {
			// left the project: its pages are gone for them
			case Accepted<Void> removed when userId.equals(user.id()) -> leave(request, response);
			case Accepted<Void> removed -> done(key, user, "Member removed.", model, request, redirect);
			case Rejected<Void> rejected -> refused(page.withMemberErrors(MemberForm.empty(), summary(rejected)),
					rejected, model, request, response);
		};
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

	/**
	 * The page (htmx: the panel, with a 200 so that it is swapped in) with the refusal
	 * next to the member form.
	 */
	private static String refused(MembersPage page, Rejected<?> rejected, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		HtmxRequest htmx = HtmxRequest.of(request);
		model.addAttribute("page", page);
		response.setStatus(rejected.status(htmx).value());
		return htmx.request() ? "projects/members-panel" : "projects/members";
	}

	/**
	 * A role change or a removal has no field of its own in the form: the refusal is its
	 * summary.
	 */
	private static FormErrors summary(Rejected<?> rejected) {
		return FormErrors.summary(rejected.refusal().getMessage());
	}

	private static String leave(HttpServletRequest request, HttpServletResponse response) {
		if (HtmxRequest.of(request).request()) {
			response.setHeader("HX-Redirect", ProjectRoutes.PROJECTS);
			return null;
		}
		return "redirect:" + ProjectRoutes.PROJECTS;
	}

}
