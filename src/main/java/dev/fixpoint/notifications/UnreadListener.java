package dev.fixpoint.notifications;

import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.NoticeChannel;

import org.springframework.stereotype.Component;

/**
 * Hands each {@link UnreadSignals} notice (received by platform's one {@code LISTEN}
 * connection per node) to this node's {@link NotificationStream}; after a reconnect every
 * open stream gets a fresh count, since signals may have been missed.
 */
@Component
class UnreadListener implements NoticeChannel {

	private final NotificationStream stream;

	UnreadListener(NotificationStream stream) {
		this.stream = stream;
	}

	@Override
	public String channel() {
		return UnreadSignals.CHANNEL;
	}

	@Override
	public void received(String payload) {
		int colon = payload.indexOf(':');
		Optional<UUID> user = Ids.parse(colon < 0 ? payload : payload.substring(0, colon));
		Optional<UUID> notification = colon < 0 ? Optional.empty() : Ids.parse(payload.substring(colon + 1));
		user.ifPresent(u -> this.stream.signal(u, notification.orElse(null)));
	}

	@Override
	public void resync() {
		this.stream.refreshAll();
	}

}
