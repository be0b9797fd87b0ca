package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.Signup;
import dev.fixpoint.accounts.UserSummary;
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
 * First run: the installation has no user yet; the first account created here becomes the
 * site admin.
 */
@Controller
class SetupController {

	private final Accounts accounts;

	private final WebSessions sessions;

	private final SetupGate gate;

	SetupController(Accounts accounts, WebSessions sessions, SetupGate gate) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.gate = gate;
	}

	@GetMapping(AccountRoutes.SETUP)
	String form(Model model) {
		if (this.gate.isDone()) {
			return "redirect:" + AccountRoutes.LOGIN;
		}
		model.addAttribute("page", SignupPage.empty(true));
		return "accounts/signup";
	}

	@PostMapping(AccountRoutes.SETUP)
	String setUp(@Valid @ModelAttribute("signup") Signup signup, BindingResult binding, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (this.gate.isDone()) {
			return "redirect:" + AccountRoutes.LOGIN;
		}
		return switch (Forms.apiStatuses().submit(FormErrors.of(binding), () -> this.accounts.register(signup))) {
			case Accepted<UserSummary>(UserSummary admin) -> {
				this.sessions.signIn(Accounts.asCurrentUser(admin), request, response);
				this.gate.markDone();
				yield "redirect:" + AccountRoutes.NEW_PROJECT;
			}
			case Rejected<UserSummary> rejected ->
				retry(model, response, SignupPage.retry(true, signup, rejected.errors()), rejected.status().value());
		};
	}

	private static String retry(Model model, HttpServletResponse response, SignupPage page, int status) {
		response.setStatus(status);
		model.addAttribute("page", page);
		return "accounts/signup";
	}

}
