package dev.fixpoint.notifications;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every node that a person's unread notifications changed: a PostgreSQL
 * {@code NOTIFY} in the writing transaction, delivered to the listeners
 * ({@link UnreadListener}) only once it commits, and never if it rolls back.
 */
@Component
class UnreadSignals {

	static final String CHANNEL = "fixpoint_notifications";

	private final JdbcClient jdbc;

	UnreadSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new notification: the browser updates the count and shows a toast. */
	void added(UUID userId, UUID notificationId) {
		notify(userId + ":" + notificationId);
	}

	/** Some were read: the browser updates the count only. */
	void read(UUID userId) {
		notify(userId.toString());
	}

	private void notify(String payload) {
		this.jdbc.sql("select pg_notify('" + CHANNEL + "', :payload)").param("payload", payload).query().singleRow();
	}

}
