package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.SsoDomains;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The emailed link that verifies an organization's claim of an email domain for single
 * sign-on: confirmed by a button, not by the GET a mail scanner makes; no sign-in needed
 * (holding the mailbox is the proof).
 */
@Controller
class SsoDomainController {

	static final String CONFIRM = "/sso/domains/confirm";

	private final SsoDomains domains;

	SsoDomainController(SsoDomains domains) {
		this.domains = domains;
	}

	@GetMapping(CONFIRM)
	String form(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("page",
				new PasswordResetPage(this.domains.linkUsable(token) ? "confirm" : "invalid", token, null));
		return "accounts/sso-domain-confirm";
	}

	@PostMapping(CONFIRM)
	String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return switch (Forms.submit(() -> this.domains.confirm(token))) {
			case Accepted<String>(String domain) -> {
				model.addAttribute("page", new PasswordResetPage("done", null, domain));
				yield "accounts/sso-domain-confirm";
			}
			case Rejected<String> rejected -> {
				response.setStatus(rejected.status().value());
				model.addAttribute("page", new PasswordResetPage("invalid", null, rejected.errors().summary()));
				yield "accounts/sso-domain-confirm";
			}
		};
	}

}
