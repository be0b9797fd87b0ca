package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.SingleSignOn;
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

	private final SignInSteps steps;

	private final SingleSignOn sso;

	LoginController(Accounts accounts, SignInSteps steps, SingleSignOn sso) {
		this.accounts = accounts;
		this.steps = steps;
		this.sso = sso;
	}

	@GetMapping(AccountRoutes.LOGIN)
	String form(@RequestParam(required = false) String next,
			@RequestParam(name = "logged_out", required = false) String loggedOut,
			@RequestParam(required = false) String deleted, @Authenticated CurrentUser user, HttpServletRequest request,
			Model model) {
		if (user != null) {
			return "redirect:" + LocalRedirect.orElse(next, AccountRoutes.HOME);
		}
		String notice = loggedOut != null ? "You are signed out."
				: deleted != null ? "Your account is deleted. Goodbye, and thank you." : null;
		model.addAttribute("page", new LoginPage(null, next, notice, ssoError(request), this.sso.buttons()));
		return "accounts/login";
	}

	@PostMapping(AccountRoutes.LOGIN)
	String logIn(LoginForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
		// a wrong password is this form's own answer, not an error page
		return switch (Forms.alsoInForm(UnauthorizedException.class)
			.submit(() -> this.accounts.authenticate(form.email(), form.password(), ClientAddress.of(request)))) {
			case Accepted<UserSummary>(UserSummary user) ->
				"redirect:" + this.steps.afterPassword(user, form.next(), request, response);
			case Rejected<UserSummary> rejected -> {
				response.setStatus(rejected.status().value());
				String error = rejected.refusal() instanceof RateLimitedException ? THROTTLED
						: rejected.refusal().getMessage();
				model.addAttribute("page", new LoginPage(form.email(), form.next(), null, error, this.sso.buttons()));
				yield "accounts/login";
			}
		};
	}

	/** Why a single sign-on just failed, shown once. */
	private static String ssoError(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(SsoSignIn.ERROR) instanceof String error)) {
			return null;
		}
		session.removeAttribute(SsoSignIn.ERROR);
		return error;
	}

}
