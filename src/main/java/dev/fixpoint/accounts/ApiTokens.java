package dev.fixpoint.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.fixpoint.platform.ApiTokenVerifier;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Component;

/**
 * Checks bearer tokens for the API's security filter. Records use at most once a minute
 * per token.
 */
@Component
class ApiTokens implements ApiTokenVerifier {

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final TokenRepository tokens;

	private final Clock clock;

	ApiTokens(TokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public Optional<Bearer> verify(String bearerToken) {
		if (bearerToken == null || !bearerToken.startsWith(Tokens.PREFIX) || bearerToken.length() > 200) {
			return Optional.empty();
		}
		return this.tokens.findValid(Tokens.hash(bearerToken)).map(owner -> {
			Instant touchedBefore = Times.now(this.clock).minus(TOUCH_INTERVAL);
			if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(touchedBefore)) {
				this.tokens.touch(owner.tokenId());
			}
			return new Bearer(new CurrentUser(owner.userId(), owner.email(), owner.username(), owner.name()),
					owner.readOnly());
		});
	}

}
