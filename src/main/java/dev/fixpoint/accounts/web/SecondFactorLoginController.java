package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.SecondFactors;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in's second step: the code from the authenticator app (or a recovery code) after a
 * right password. Only a pending sign-in gets here; it is signed in after the code.
 */
@Controller
class SecondFactorLoginController {

	static final String THROTTLED = "Too many wrong codes, try again in a few minutes.";

	private final SecondFactors factors;

	private final SignInSteps steps;

	SecondFactorLoginController(SecondFactors factors, SignInSteps steps) {
		this.factors = factors;
		this.steps = steps;
	}

	@GetMapping(SecondFactorRoutes.LOGIN_SECOND_FACTOR)
	String form(HttpServletRequest request, Model model) {
		if (this.steps.pending(request).isEmpty()) {
			return "redirect:" + AccountRoutes.LOGIN;
		}
		model.addAttribute("page", page(this.steps.pending(request).get(), null));
		return "accounts/second-factor";
	}

	@PostMapping(SecondFactorRoutes.LOGIN_SECOND_FACTOR)
	String verify(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "false") boolean remember,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		PendingSignIn pending = this.steps.pending(request).orElse(null);
		if (pending == null) {
			return "redirect:" + AccountRoutes.LOGIN;
		}
		return switch (Forms.alsoInForm(UnauthorizedException.class)
			.run(() -> this.factors.verify(pending.user().id(), code))) {
			case Accepted<Void> accepted ->
				"redirect:" + this.steps.complete(pending, "code", remember, request, response);
			case Rejected<Void> rejected -> {
				response.setStatus(rejected.status().value());
				model.addAttribute("page", page(pending, rejected.refusal() instanceof RateLimitedException ? THROTTLED
						: "That code is wrong, expired or already used."));
				yield "accounts/second-factor";
			}
		};
	}

	private SecondFactorPage page(PendingSignIn pending, String error) {
		SecondFactors.TwoFactorStatus status = this.factors.status(pending.user().id());
		return new SecondFactorPage(status.totpEnabled(), status.passkeys() > 0, error);
	}

}
