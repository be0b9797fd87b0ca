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
import dev.fixpoint.platform.NoticeChannel;
import dev.fixpoint.platform.RememberedValues;

import org.springframework.stereotype.Component;

/**
 * What nearly every request asks of accounts, answered from memory: whose bearer token
 * this is, and people's names (a bug's reporter and assignee). Forgotten whole whenever a
 * user or a token changes: on every node when the notice of V48's triggers arrives (they
 * fire for any change of {@code users}, and of {@code api_tokens} but its
 * {@code last_used_at}, whoever makes it), on this node also at once and when the
 * changing transaction ends ({@link #forget}), and at the latest after {@link #FRESH}.
 * Unknown tokens are not remembered.
 */
@Component
class AccountMemory implements NoticeChannel {

	static final String CHANNEL = "account_changes";

	static final Duration FRESH = Duration.ofSeconds(30);

	private final RememberedValues<ByteBuffer, TokenOwner> owners = new RememberedValues<>(FRESH, 10_000);

	private final RememberedValues<UUID, UserSummary> people = new RememberedValues<>(FRESH, 50_000);

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

	/** A user or token changes in the caller's transaction. */
	void forget() {
		this.owners.forget();
		this.people.forget();
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public void received(String payload) {
		this.owners.forgetNow();
		this.people.forgetNow();
	}

	@Override
	public void resync() {
		received("");
	}

}
