package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.Invitations;
import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Signup;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.WebSessions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where an invitation link lands (no sign-in needed to see it): accept it signed in, or
 * create the invited address's account and join in one step.
 */
@Controller
class InvitationController {

	static final String ACCEPT = "/invitations/accept";

	private final Invitations invitations;

	private final WebSessions sessions;

	InvitationController(Invitations invitations, WebSessions sessions) {
		this.invitations = invitations;
		this.sessions = sessions;
	}

	@GetMapping(ACCEPT)
	String page(@RequestParam(required = false) String token, @Authenticated CurrentUser user, Model model,
			HttpServletResponse response) {
		return render(token, user, null, null, FormErrors.none(), model, response);
	}

	@PostMapping(ACCEPT)
	String accept(@RequestParam(required = false) String token, @Authenticated CurrentUser user, Model model,
			HttpServletResponse response) {
		if (user == null) {
			return "redirect:" + AccountRoutes.LOGIN;
		}
		return switch (Forms.apiStatuses().submit(() -> this.invitations.accept(token, user))) {
			case Accepted<OrganizationMembership>(OrganizationMembership org) ->
				"redirect:/orgs/" + org.slug() + "/members";
			case Rejected<OrganizationMembership> rejected ->
				render(token, user, null, null, rejected.errors(), model, response, rejected.status().value());
		};
	}

	@PostMapping(ACCEPT + "/signup")
	String signUp(@RequestParam(required = false) String token, @RequestParam(required = false) String name,
			@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		return switch (Forms.apiStatuses()
			.submit(() -> this.invitations.acceptWithSignup(token, new Signup(null, password, name, username, null)))) {
			case Accepted<UserSummary>(UserSummary user) -> {
				this.sessions.signIn(Accounts.asCurrentUser(user), request, response);
				yield "redirect:" + AccountRoutes.PROJECTS;
			}
			case Rejected<UserSummary> rejected ->
				render(token, null, name, username, rejected.errors(), model, response, rejected.status().value());
		};
	}

	private String render(String token, CurrentUser user, String name, String username, FormErrors errors, Model model,
			HttpServletResponse response) {
		return render(token, user, name, username, errors, model, response, 200);
	}

	private String render(String token, CurrentUser user, String name, String username, FormErrors errors, Model model,
			HttpServletResponse response, int status) {
		InvitationPage page = new InvitationPage(token, this.invitations.preview(token).orElse(null),
				user == null ? null : user.email(), name, username, errors);
		response.setStatus(page.valid() ? status : 404);
		model.addAttribute("page", page);
		return "accounts/invitation";
	}

}
