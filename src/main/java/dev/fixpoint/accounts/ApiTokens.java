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
 * Checks bearer tokens for the API's security filter, from {@link AccountMemory} when it
 * knows the token. Records use at most once a minute per token. Expiry and use are both
 * the application's {@link Clock}.
 */
@Component
class ApiTokens implements ApiTokenVerifier {

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final TokenRepository tokens;

	private final AccountMemory memory;

	private final Clock clock;

	ApiTokens(TokenRepository tokens, AccountMemory memory, Clock clock) {
		this.tokens = tokens;
		this.memory = memory;
		this.clock = clock;
	}

	@Override
	public Optional<Bearer> verify(String bearerToken) {
		if (bearerToken == null || !bearerToken.startsWith(Tokens.PREFIX) || bearerToken.length() > 200) {
			return Optional.empty();
		}
		byte[] hash = Tokens.hash(bearerToken);
		// one clock for expiry and use: the lookup and the remembered owner compare the
		// expiry with the same instant, so a remembered token expires exactly when the
		// lookup would stop finding it
		Instant now = Times.now(this.clock);
		return this.memory.owner(hash, now, key -> this.tokens.findValid(key, now)).map(owner -> {
			if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
				this.tokens.touch(owner.tokenId(), now);
				this.memory.touched(hash, now);
			}
			return new Bearer(new CurrentUser(owner.userId(), owner.email(), owner.username(), owner.name()),
					owner.readOnly());
		});
	}

}
