package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.InstanceSettings;
import dev.fixpoint.accounts.Signup;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.WebSessions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Self-service sign-up: creates the account and its personal organization, then signs the
 * browser in.
 */
@Controller
class SignupController {

	private final Accounts accounts;

	private final WebSessions sessions;

	private final InstanceSettings settings;

	SignupController(Accounts accounts, WebSessions sessions, InstanceSettings settings) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.settings = settings;
	}

	@GetMapping(AccountRoutes.SIGNUP)
	String form(@Authenticated CurrentUser user, Model model) {
		if (user != null) {
			return "redirect:" + AccountRoutes.PROJECTS;
		}
		model.addAttribute("page",
				this.settings.signupClosedReason().map(SignupPage::closed).orElseGet(() -> SignupPage.empty(false)));
		return "accounts/signup";
	}

	@PostMapping(AccountRoutes.SIGNUP)
	String signUp(@Valid @ModelAttribute("signup") Signup signup, BindingResult binding, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return switch (Forms.apiStatuses()
			.alsoInForm(ForbiddenException.class)
			.submit(FormErrors.of(binding), () -> this.accounts.register(signup))) {
			case Accepted<UserSummary>(UserSummary user) -> {
				this.sessions.signIn(Accounts.asCurrentUser(user), request, response);
				// A brand-new account cannot be in any project yet, so it starts by
				// creating one.
				yield "redirect:" + AccountRoutes.NEW_PROJECT;
			}
			case Rejected<UserSummary> rejected ->
				retry(model, response, SignupPage.retry(false, signup, rejected.errors()), rejected.status().value());
		};
	}

	private static String retry(Model model, HttpServletResponse response, SignupPage page, int status) {
		response.setStatus(status);
		model.addAttribute("page", page);
		return "accounts/signup";
	}

}
