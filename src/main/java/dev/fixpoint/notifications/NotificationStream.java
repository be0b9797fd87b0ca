package dev.fixpoint.notifications;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.fixpoint.platform.CurrentUser;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The browsers of this node that follow their unread count (Server-Sent Events). An open
 * stream holds no database connection and no thread; each signal costs one count query
 * per person with open streams here. Sends {@code unread} events: {@code {"count": 3,
 * "toast": {"text": "...", "url": "/bugs/WEB-4"}}} (toast only for a new notification).
 */
@Service
public class NotificationStream {

	public static final String EVENT = "unread";

	/**
	 * Browsers reconnect by themselves after this; keeps dead connections from piling up.
	 */
	private static final Duration LIFETIME = Duration.ofMinutes(30);

	private final Map<UUID, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();

	private final Notifications notifications;

	NotificationStream(Notifications notifications) {
		this.notifications = notifications;
	}

	/** Opens a stream that starts with the current count. */
	public SseEmitter open(CurrentUser user) {
		SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
		Set<SseEmitter> mine = this.emitters.computeIfAbsent(user.id(), id -> ConcurrentHashMap.newKeySet());
		mine.add(emitter);
		Runnable remove = () -> forget(user.id(), emitter);
		emitter.onCompletion(remove);
		// at the end of its lifetime the stream ends as a complete answer (the browser
		// reconnects), not as a timed-out request that Spring would log as an error
		emitter.onTimeout(() -> {
			remove.run();
			emitter.complete();
		});
		emitter.onError(e -> remove.run());
		send(user.id(), emitter, payload(this.notifications.unreadCount(user.id()), null));
		return emitter;
	}

	/**
	 * A person's unread notifications changed on some node; {@code notificationId} is a
	 * new one (or null).
	 */
	void signal(UUID userId, UUID notificationId) {
		Set<SseEmitter> mine = this.emitters.get(userId);
		if (mine == null || mine.isEmpty()) {
			return;
		}
		Map<String, Object> toast = notificationId == null ? null
				: this.notifications.find(userId, notificationId)
					.filter(n -> !n.read())
					.map(n -> Map.<String, Object>of("text", n.text(), "url", n.bug().url()))
					.orElse(null);
		Map<String, Object> data = payload(this.notifications.unreadCount(userId), toast);
		mine.forEach(emitter -> send(userId, emitter, data));
	}

	/**
	 * Everyone gets their count again (after the listener reconnected and may have missed
	 * signals).
	 */
	void refreshAll() {
		this.emitters.keySet().forEach(userId -> signal(userId, null));
	}

	/**
	 * A comment line now and then keeps proxies from closing idle streams and finds the
	 * dead ones.
	 */
	@Scheduled(fixedDelayString = "PT25S", initialDelayString = "PT25S")
	void heartbeat() {
		this.emitters.forEach((userId, set) -> set.forEach(emitter -> {
			try {
				emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException ex) {
				forget(userId, emitter);
			}
		}));
	}

	/**
	 * On shutdown, ends every stream first (browsers reconnect to another node), so the
	 * web server's graceful shutdown does not wait for streams that never end by
	 * themselves.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.emitters.values().forEach(set -> set.forEach(emitter -> {
			try {
				emitter.complete();
			}
			catch (IllegalStateException ex) {
				// already completed
			}
		}));
		this.emitters.clear();
	}

	private static Map<String, Object> payload(int count, Map<String, Object> toast) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("count", count);
		data.put("toast", toast);
		return data;
	}

	private void send(UUID userId, SseEmitter emitter, Map<String, Object> data) {
		try {
			emitter.send(SseEmitter.event().name(EVENT).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			forget(userId, emitter);
		}
	}

	private void forget(UUID userId, SseEmitter emitter) {
		this.emitters.computeIfPresent(userId, (id, set) -> {
			set.remove(emitter);
			return set.isEmpty() ? null : set;
		});
	}

}
