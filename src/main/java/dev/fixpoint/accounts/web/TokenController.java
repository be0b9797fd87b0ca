package dev.fixpoint.accounts.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.CreatedToken;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's named personal access tokens for the API: list, create (secret shown once),
 * delete.
 */
@Controller
class TokenController {

	record NewTokenForm(String name, @Min(value = 1, message = "must be between 1 and 3650 days") @Max(value = 3650,
			message = "must be between 1 and 3650 days") Integer expiresInDays) {

		Instant expiresAt(Instant now) {
			return this.expiresInDays == null ? null : now.plus(Duration.ofDays(this.expiresInDays));
		}

	}

	private final Accounts accounts;

	private final Clock clock;

	TokenController(Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping(AccountRoutes.TOKENS)
	String list(@Authenticated CurrentUser user, Model model) {
		// The secret arrives once, as a flash attribute of the redirect after creating
		// the token.
		model.addAttribute("page",
				TokensPage.of(this.accounts.personalTokens(user), (String) model.getAttribute("createdName"),
						(String) model.getAttribute("createdSecret"), (String) model.getAttribute("notice"),
						Times.now(this.clock)));
		return "accounts/tokens";
	}

	@PostMapping(AccountRoutes.TOKENS)
	String create(@Valid @ModelAttribute("tokenForm") NewTokenForm form, BindingResult binding,
			@Authenticated CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return switch (Forms.apiStatuses()
			.submit(FormErrors.of(binding), () -> this.accounts.createPersonalToken(user, form.name(),
					form.expiresAt(Times.now(this.clock))))) {
			case Accepted<CreatedToken>(CreatedToken created) -> {
				redirect.addFlashAttribute("createdName", created.info().name());
				redirect.addFlashAttribute("createdSecret", created.token());
				yield "redirect:" + AccountRoutes.TOKENS;
			}
			case Rejected<CreatedToken> rejected ->
				retry(form, rejected.errors(), rejected.status().value(), user, model, response);
		};
	}

	@PostMapping(AccountRoutes.TOKENS + "/{id}/delete")
	String delete(@PathVariable UUID id, @Authenticated CurrentUser user, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		this.accounts.deleteToken(user, id);
		if (HtmxRequest.of(request).request()) {
			model.addAttribute("page", TokensPage.of(this.accounts.personalTokens(user), null, null, "Token deleted.",
					Times.now(this.clock)));
			return "accounts/token-list";
		}
		redirect.addFlashAttribute("notice", "Token deleted.");
		return "redirect:" + AccountRoutes.TOKENS;
	}

	private String retry(NewTokenForm form, FormErrors errors, int status, CurrentUser user, Model model,
			HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("page",
				new TokensPage(this.accounts.personalTokens(user), null, null, form.name(),
						form.expiresInDays() == null ? null : form.expiresInDays().toString(), errors, null,
						Times.now(this.clock)));
		return "accounts/tokens";
	}

}
