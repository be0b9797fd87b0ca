package dev.fixpoint.accounts;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.fixpoint.accounts.TokenRepository.TokenOwner;
import dev.fixpoint.platform.ForgettingChannel;
import dev.fixpoint.platform.RememberedValues;

import org.springframework.stereotype.Component;

/**
 * What nearly every request asks of accounts, answered from memory: whose bearer token
 * this is, and people's names (a bug's reporter and assignee). Forgotten whole whenever a
 * user or a token changes ({@link ForgettingChannel}): V48's triggers notify for any
 * change of {@code users}, and of {@code api_tokens} but its {@code last_used_at}.
 * Unknown tokens are not remembered.
 */
@Component
class AccountMemory extends ForgettingChannel {

	static final String CHANNEL = "account_changes";

	static final Duration FRESH = Duration.ofSeconds(30);

	private final RememberedValues<ByteBuffer, TokenOwner> owners = remembered(10_000);

	private final RememberedValues<UUID, UserSummary> people = remembered(50_000);

	AccountMemory() {
		super(CHANNEL, FRESH);
	}

	/** The valid token's owner, from memory or {@code lookup}. */
	Optional<TokenOwner> owner(byte[] hash, Instant now, Function<byte[], Optional<TokenOwner>> lookup) {
		return this.owners.get(ByteBuffer.wrap(hash), key -> lookup.apply(hash)).filter(owner -> owner.validAt(now));
	}

	/**
	 * The token's use was recorded at {@code at}: the next record is due a while after.
	 */
	void touched(byte[] hash, Instant at) {
		this.owners.update(ByteBuffer.wrap(hash), owner -> owner.usedAt(at));
	}

	/** The people among {@code ids} that exist. */
	List<UserSummary> people(Collection<UUID> ids, Function<List<UUID>, List<UserSummary>> lookup) {
		return this.people.getAll(ids, lookup, UserSummary::id);
	}

}
