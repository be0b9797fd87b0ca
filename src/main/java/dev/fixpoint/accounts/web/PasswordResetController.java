package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.EmailLinks;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The forgotten-password pages (no sign-in needed). */
@Controller
class PasswordResetController {

	private final EmailLinks links;

	PasswordResetController(EmailLinks links) {
		this.links = links;
	}

	@GetMapping("/password-reset")
	String form(Model model) {
		return page(model, "request", null, null);
	}

	@PostMapping("/password-reset")
	String request(@RequestParam(required = false) String email, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return switch (Forms.apiStatuses().submit(() -> {
			this.links.requestPasswordReset(email, ClientAddress.of(request));
			return true;
		})) {
			case Accepted<Boolean> ok -> page(model, "sent", null, null);
			case Rejected<Boolean> rejected -> {
				response.setStatus(rejected.status().value());
				yield page(model, "request", null, rejected.refusal() instanceof RateLimitedException
						? "Too many requests, try again later." : "Enter the email address of your account.");
			}
		};
	}

	@GetMapping("/password-reset/confirm")
	String choose(@RequestParam(required = false) String token, Model model) {
		return this.links.resetLinkUsable(token) ? page(model, "choose", token, null)
				: page(model, "invalid", null, null);
	}

	@PostMapping("/password-reset/confirm")
	String confirm(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
			Model model, HttpServletResponse response) {
		return switch (Forms.apiStatuses().submit(() -> {
			this.links.resetPassword(token, password);
			return true;
		})) {
			case Accepted<Boolean> ok -> page(model, "done", null, null);
			case Rejected<Boolean> rejected -> {
				response.setStatus(rejected.status().value());
				boolean badLink = rejected.refusal() instanceof InvalidInputException invalid
						&& invalid.fieldErrors().stream().anyMatch(e -> e.field().equals("token"));
				yield badLink ? page(model, "invalid", null, null)
						: page(model, "choose", token, "The password must be at least 10 characters.");
			}
		};
	}

	private static String page(Model model, String step, String token, String error) {
		model.addAttribute("page", new PasswordResetPage(step, token, error));
		return "accounts/password-reset";
	}

}
