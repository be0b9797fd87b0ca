package dev.fixpoint.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's {@link RememberedValues} that one change-notice channel forgets whole: a
 * trigger on the rows they come from sends the channel's notice (whoever changes them),
 * and every node forgets all of them when it arrives and when its listener reconnects
 * (notices may have been missed). The node that changes those rows itself calls
 * {@link #forget()} in the changing transaction: at once and again when it ends. Each
 * value is forgotten at the latest after the channel's {@code fresh} regardless.
 * <p>
 * A subclass declares its values as fields made by {@link #remembered}, and declares
 * itself a bean.
 */
public abstract class ForgettingChannel implements NoticeChannel {

	private final String channel;

	private final Duration fresh;

	private final List<RememberedValues<?, ?>> values = new ArrayList<>();

	protected ForgettingChannel(String channel, Duration fresh) {
		this.channel = channel;
		this.fresh = fresh;
	}

	/** Values this channel forgets, at most {@code maximumSize} of them. */
	protected final <K, V> RememberedValues<K, V> remembered(long maximumSize) {
		RememberedValues<K, V> remembered = new RememberedValues<>(this.fresh, maximumSize);
		this.values.add(remembered);
		return remembered;
	}

	/** The rows behind the values change in the caller's transaction. */
	public final void forget() {
		this.values.forEach(RememberedValues::forget);
	}

	@Override
	public final String channel() {
		return this.channel;
	}

	@Override
	public final void received(String payload) {
		this.values.forEach(RememberedValues::forgetNow);
	}

	@Override
	public final void resync() {
		this.values.forEach(RememberedValues::forgetNow);
	}

}
