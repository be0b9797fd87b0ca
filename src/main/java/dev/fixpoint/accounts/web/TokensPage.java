package dev.fixpoint.accounts.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.accounts.PersonalToken;
import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.platform.web.FormErrors;

/**
 * Personal access tokens: the list, the form for a new one (with what was typed) and,
 * right after creating one, its secret, which is never shown again.
 */
public record TokensPage(List<PersonalToken> tokens, String createdName, String createdSecret, String name,
		String expiresInDays, FormErrors errors, String notice, Instant now) {

	static TokensPage of(List<PersonalToken> tokens, String createdName, String createdSecret, String notice,
			Instant now) {
		return new TokensPage(tokens, createdName, createdSecret, null, null, FormErrors.none(), notice, now);
	}

	public String action() {
		return AccountRoutes.TOKENS;
	}

	public String deleteUrl(UUID id) {
		return AccountRoutes.TOKENS + "/" + id + "/delete";
	}

	public String day(Instant instant, String fallback) {
		return Dates.day(instant, fallback);
	}

	public boolean expired(PersonalToken token) {
		return token.expiresAt() != null && token.expiresAt().isBefore(this.now);
	}

}
