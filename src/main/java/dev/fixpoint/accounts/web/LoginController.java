package dev.fixpoint.accounts.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.SingleSignOn;
import dev.fixpoint.accounts.SsoRequiredException;
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

/**
 * Sign-in for browsers, email first: the person types their email; an email domain an
 * organization claimed for its single sign-on continues with its provider (straight there
 * when the organization requires it), any other gets the password step (the same answer
 * whether or not the account exists). Passkeys sign in from either step without an email.
 * Sign-out is Spring Security's {@code POST /logout}.
 */
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
		model.addAttribute("page",
				LoginPage.askEmail(null, next, notice, ssoError(request), this.sso.instanceButtons()));
		return "accounts/login";
	}

	/** The email step: on to the organization's provider, or to the password step. */
	@PostMapping(AccountRoutes.LOGIN_CONTINUE)
	String continueWith(LoginForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
		String email = form.email() == null ? "" : form.email().strip();
		if (email.isEmpty() || email.length() > 320 || email.indexOf('@') < 1) {
			response.setStatus(422);
			model.addAttribute("page", LoginPage.askEmail(email, form.next(), null, "Type your email address.",
					this.sso.instanceButtons()));
			return "accounts/login";
		}
		Optional<SingleSignOn.Route> route = this.sso.route(email);
		if (route.isPresent() && route.get().required()) {
			String next = LocalRedirect.orElse(form.next(), null);
			if (next != null) {
				request.getSession(true).setAttribute(SsoSignIn.NEXT, next);
			}
			model.addAttribute("page", LoginPage.askProvider(email, route.get().button()));
			return "accounts/login";
		}
		model.addAttribute("page", LoginPage.askPassword(email, form.next(), null, providers(route)));
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
				List<SingleSignOn.Button> providers = providers(this.sso.route(form.email()));
				if (rejected.refusal() instanceof SsoRequiredException required) {
					// the password was right: now the person's organization may be named
					required.providers().stream().filter(b -> !providers.contains(b)).forEach(b -> providers.add(0, b));
				}
				model.addAttribute("page", LoginPage.askPassword(form.email(), form.next(), error, providers));
				yield "accounts/login";
			}
		};
	}

	/**
	 * The password step's buttons: the email's organization provider first (its email
	 * matched, so naming it tells nothing new), then the instance's.
	 */
	private List<SingleSignOn.Button> providers(Optional<SingleSignOn.Route> route) {
		List<SingleSignOn.Button> buttons = new ArrayList<>();
		route.ifPresent(r -> buttons.add(r.button()));
		buttons.addAll(this.sso.instanceButtons());
		return buttons;
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
