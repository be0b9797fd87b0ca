package dev.fixpoint.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.fixpoint.accounts.AccountData;
import dev.fixpoint.accounts.Caller;
import dev.fixpoint.accounts.EmailLinks;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "your data" part of the profile page (download, delete the account) and verifying
 * an email address by its link.
 */
@Controller
class AccountDataController {

	static final String EXPORT = "/settings/export";

	static final String DELETE = "/settings/delete";

	static final String VERIFY = "/account/verify";

	private final AccountData data;

	private final EmailLinks links;

	AccountDataController(AccountData data, EmailLinks links) {
		this.data = data;
		this.links = links;
	}

	@GetMapping(EXPORT)
	ResponseEntity<StreamingResponseBody> export(@Authenticated CurrentUser user) {
		return AccountDataApiController.zip(this.data, user);
	}

	@PostMapping(DELETE)
	String delete(@RequestParam(required = false) String password, @Authenticated CurrentUser user,
			HttpServletRequest request, RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		Caller caller = new Caller(null, session == null ? null : session.getId(), ClientAddress.of(request));
		return switch (Forms.apiStatuses().submit(() -> {
			this.data.deleteOwn(user, password, caller);
			return true;
		})) {
			case Accepted<Boolean> ok -> {
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
				yield "redirect:" + AccountRoutes.LOGIN + "?deleted";
			}
			case Rejected<Boolean> rejected -> {
				redirect.addFlashAttribute("section", "delete");
				redirect.addFlashAttribute("error", rejected.errors().summary() != null ? rejected.errors().summary()
						: "That is not your password.");
				yield "redirect:" + ProfileController.PROFILE + "#delete";
			}
		};
	}

	@PostMapping("/settings/email/verification")
	String resend(@Authenticated CurrentUser user, RedirectAttributes redirect) {
		this.links.resendVerification(user);
		redirect.addFlashAttribute("section", "email");
		redirect.addFlashAttribute("notice", "We sent a new verification link to your address.");
		return "redirect:" + ProfileController.PROFILE + "#email";
	}

	/**
	 * The link of a verification email: confirmed by a button, not by a mail scanner's
	 * GET.
	 */
	@GetMapping(VERIFY)
	String verifyForm(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("page", new PasswordResetPage("verify", token, null));
		return "accounts/email-verify";
	}

	@PostMapping(VERIFY)
	String verify(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return switch (Forms.run(() -> this.links.verifyEmail(token))) {
			case Accepted<Void> ok -> {
				model.addAttribute("page", new PasswordResetPage("done", null, null));
				yield "accounts/email-verify";
			}
			case Rejected<Void> rejected -> {
				response.setStatus(rejected.status().value());
				model.addAttribute("page", new PasswordResetPage("invalid", null, null));
				yield "accounts/email-verify";
			}
		};
	}

}
