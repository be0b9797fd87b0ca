package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.LocalRedirect;
import dev.fixpoint.platform.web.WebSessions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Password sign-in for browsers; sign-out is Spring Security's {@code POST /logout}. */
@Controller
class LoginController {

	static final String THROTTLED = "Too many failed logins, try again in a few minutes.";

	record LoginForm(String email, String password, String next) {
	}

	private final Accounts accounts;

	private final WebSessions sessions;

	LoginController(Accounts accounts, WebSessions sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
	}

	@GetMapping(AccountRoutes.LOGIN)
	String form(@RequestParam(required = false) String next,
			@RequestParam(name = "logged_out", required = false) String loggedOut, @Authenticated CurrentUser user,
			Model model) {
		if (user != null) {
			return "redirect:" + LocalRedirect.orElse(next, AccountRoutes.HOME);
		}
		String notice = loggedOut != null ? "You are signed out." : null;
		model.addAttribute("page", new LoginPage(null, next, notice, null));
		return "accounts/login";
	}

	@PostMapping(AccountRoutes.LOGIN)
	String logIn(LoginForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
		// a wrong password is this form's own answer, not an error page
		return switch (Forms.alsoInForm(UnauthorizedException.class)
			.submit(() -> this.accounts.authenticate(form.email(), form.password(), ClientAddress.of(request)))) {
			case Accepted<UserSummary>(UserSummary user) -> {
				this.sessions.signIn(Accounts.asCurrentUser(user), request, response);
				yield "redirect:" + LocalRedirect.orElse(form.next(), AccountRoutes.HOME);
			}
			case Rejected<UserSummary> rejected -> {
				response.setStatus(rejected.status().value());
				String error = rejected.refusal() instanceof RateLimitedException ? THROTTLED
						: rejected.refusal().getMessage();
				model.addAttribute("page", new LoginPage(form.email(), form.next(), null, error));
				yield "accounts/login";
			}
		};
	}

}
