package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.accounts.AccountSettings;
import dev.fixpoint.accounts.Caller;
import dev.fixpoint.accounts.EmailLinks;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.accounts.ProfileChanges;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The profile and security page: profile, email, password, sessions. */
@Controller
class ProfileController {

	static final String PROFILE = "/settings/profile";

	private final AccountSettings settings;

	private final EmailLinks links;

	private final Organizations organizations;

	ProfileController(AccountSettings settings, EmailLinks links, Organizations organizations) {
		this.settings = settings;
		this.links = links;
		this.organizations = organizations;
	}

	@GetMapping(PROFILE)
	String page(@Authenticated CurrentUser user, Model model, HttpServletRequest request) {
		String error = (String) model.getAttribute("error");
		return render(user, model, request, (String) model.getAttribute("section"),
				error == null ? FormErrors.none() : FormErrors.summary(error), (String) model.getAttribute("notice"));
	}

	@PostMapping(PROFILE)
	String update(@RequestParam(required = false) String name, @RequestParam(required = false) String username,
			@RequestParam(name = "time_zone", required = false) String timeZone,
			@RequestParam(required = false) String theme, @Authenticated CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return done(Forms.submit(() -> this.settings.update(user, new ProfileChanges(name, username, timeZone, theme))),
				"profile", "Profile saved.", user, model, request, response, redirect);
	}

	@PostMapping("/settings/password")
	String password(@RequestParam(name = "current_password", required = false) String current,
			@RequestParam(name = "new_password", required = false) String next, @Authenticated CurrentUser user,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		Caller caller = new Caller(null, session == null ? null : session.getId(), ClientAddress.of(request));
		return done(Forms.run(() -> this.settings.changePassword(user, current, next, caller)), "password",
				"Password changed. Your other sessions and API tokens are revoked.", user, model, request, response,
				redirect);
	}

	@PostMapping("/settings/email")
	String email(@RequestParam(required = false) String email, @Authenticated CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return done(Forms.run(() -> this.settings.requestEmailChange(user, email)), "email",
				"Check the new address: the change waits for you to follow the link we sent there.", user, model,
				request, response, redirect);
	}

	@PostMapping("/settings/sessions/{id}/delete")
	String revoke(@PathVariable String id, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		this.settings.revokeSession(user, id);
		redirect.addFlashAttribute("section", "sessions");
		redirect.addFlashAttribute("notice", "That browser is signed out.");
		return "redirect:" + PROFILE + "#sessions";
	}

	/**
	 * The link of an email change: confirmed by a button, not by the GET a mail scanner
	 * makes.
	 */
	@GetMapping("/account/email/confirm")
	String confirmForm(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("page", new PasswordResetPage("email", token, null));
		return "accounts/email-confirm";
	}

	@PostMapping("/account/email/confirm")
	String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return switch (Forms.run(() -> this.links.confirmEmailChange(token))) {
			case Accepted<Void> ok -> {
				model.addAttribute("page", new PasswordResetPage("done", null, null));
				yield "accounts/email-confirm";
			}
			case Rejected<Void> rejected -> {
				response.setStatus(rejected.status().value());
				model.addAttribute("page", new PasswordResetPage("invalid", null, null));
				yield "accounts/email-confirm";
			}
		};
	}

	private <T> String done(FormSubmission<T> result, String section, String notice, CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return switch (result) {
			case Accepted<T> ok -> {
				redirect.addFlashAttribute("section", section);
				redirect.addFlashAttribute("notice", notice);
				yield "redirect:" + PROFILE + "#" + section;
			}
			case Rejected<T> rejected -> {
				response.setStatus(rejected.status().value());
				yield render(user, model, request, section, rejected.errors(), null);
			}
		};
	}

	private String render(CurrentUser user, Model model, HttpServletRequest request, String section, FormErrors errors,
			String notice) {
		HttpSession session = request.getSession(false);
		model.addAttribute("page",
				new ProfilePage(this.settings.profile(user.id()),
						this.settings.sessions(user, session == null ? null : session.getId()),
						this.organizations.of(user.id()), section, errors, notice));
		return "accounts/profile";
	}

}
