package dev.fixpoint.platform;

/**
 * A PostgreSQL {@code NOTIFY} channel a module follows, declared as a bean:
 * {@link NoticeListener} {@code LISTEN}s to every declared channel on one connection per
 * node and hands each notice's payload to {@link #received}. Notices are sent with
 * {@code select pg_notify(channel, payload)}: inside a transaction they arrive only once
 * it commits, and never if it rolls back.
 */
public interface NoticeChannel {

	/** The channel's name (a plain identifier: it is written into {@code LISTEN}). */
	String channel();

	/** One notice, on the listener's thread: hand it on quickly. */
	void received(String payload);

	/**
	 * The listener (re)connected and may have missed notices: bring what depends on them
	 * up to date.
	 */
	default void resync() {
	}

}
