package dev.fixpoint.notifications.web;

import dev.fixpoint.notifications.TestEmails;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "send test email" button of the instance settings page (a page of the accounts
 * module, composed through this URL): back to that page with what happened.
 */
@Controller
class TestEmailController {

	static final String SETTINGS = "/admin/settings";

	private final TestEmails emails;

	TestEmailController(TestEmails emails) {
		this.emails = emails;
	}

	@PostMapping(SETTINGS + "/test-email")
	String send(@Authenticated CurrentUser user, RedirectAttributes redirect) {
		switch (Forms.submit(() -> this.emails.send(user))) {
			case Accepted<String>(String to) -> redirect.addFlashAttribute("notice", "Test email sent to " + to + ".");
			case Rejected<String> rejected -> redirect.addFlashAttribute("error", rejected.refusal().getMessage());
		}
		return "redirect:" + SETTINGS + "#smtp";
	}

}
