package dev.fixpoint.notifications;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@code LISTEN}s for {@link UnreadSignals} on a connection of its own (outside the pool,
 * so no request ever waits for it) and hands each signal to this node's
 * {@link NotificationStream}. Reconnects with backoff when the database goes away; after
 * a reconnect every open stream gets a fresh count, since signals may have been missed.
 */
@Component
class UnreadListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UnreadListener.class);

	private final DataSource dataSource;

	private final NotificationStream stream;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Connection connection;

	UnreadListener(DataSource dataSource, NotificationStream stream) {
		this.dataSource = dataSource;
		this.stream = stream;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("notification-listener").start(this::listen);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread t = this.thread;
		if (t != null) {
			t.interrupt();
		}
		closeQuietly();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		long backoffMillis = 500;
		while (this.running) {
			try (Connection c = open()) {
				this.connection = c;
				try (Statement s = c.createStatement()) {
					s.execute("listen " + UnreadSignals.CHANNEL);
				}
				this.stream.refreshAll();
				backoffMillis = 500;
				PGConnection pg = c.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = pg.getNotifications(10_000);
					if (received != null) {
						for (PGNotification n : received) {
							signal(n.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Notification listener lost its database connection ({}); retrying in {} ms",
						ex.getClass().getSimpleName(), backoffMillis);
				if (!sleep(backoffMillis)) {
					return;
				}
				// short: once the database is back, live updates should be too
				backoffMillis = Math.min(backoffMillis * 2, 5_000);
			}
		}
	}

	private void signal(String payload) {
		int colon = payload.indexOf(':');
		Optional<UUID> user = dev.fixpoint.platform.Ids.parse(colon < 0 ? payload : payload.substring(0, colon));
		Optional<UUID> notification = colon < 0 ? Optional.empty()
				: dev.fixpoint.platform.Ids.parse(payload.substring(colon + 1));
		user.ifPresent(u -> this.stream.signal(u, notification.orElse(null)));
	}

	private Connection open() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return this.dataSource.getConnection();
	}

	private void closeQuietly() {
		Connection c = this.connection;
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException ex) {
				// closing on shutdown: nothing left to do
			}
		}
	}

	private static boolean sleep(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
