package dev.fixpoint.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * {@code LISTEN}s to every {@link NoticeChannel} bean on one connection of its own per
 * node (outside the pool, so no request ever waits for it, and no connection per open
 * browser stream): the channels fan out to their in-memory subscribers. Reconnects with
 * backoff (at most 5 s) when the database goes away; after each (re)connect every channel
 * resyncs, since notices may have been missed.
 */
@Component
class NoticeListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NoticeListener.class);

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	private final DataSource dataSource;

	private final Map<String, NoticeChannel> channels;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Connection connection;

	NoticeListener(DataSource dataSource, List<NoticeChannel> channels) {
		this.dataSource = dataSource;
		channels.forEach(c -> Assert.isTrue(IDENTIFIER.matcher(c.channel()).matches(),
				() -> "not a channel name: " + c.channel()));
		this.channels = channels.stream()
			.collect(Collectors.toUnmodifiableMap(NoticeChannel::channel, Function.identity()));
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.channels.isEmpty()) {
			this.thread = Thread.ofPlatform().daemon().name("notice-listener").start(this::listen);
		}
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
					for (String channel : this.channels.keySet()) {
						s.execute("listen " + channel);
					}
				}
				this.channels.values().forEach(NoticeChannel::resync);
				backoffMillis = 500;
				PGConnection pg = c.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = pg.getNotifications(10_000);
					if (received != null) {
						for (PGNotification n : received) {
							deliver(n);
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Notice listener lost its database connection ({}); retrying in {} ms",
						ex.getClass().getSimpleName(), backoffMillis);
				if (!sleep(backoffMillis)) {
					return;
				}
				// short: once the database is back, live updates should be too
				backoffMillis = Math.min(backoffMillis * 2, 5_000);
			}
		}
	}

	private void deliver(PGNotification notice) {
		NoticeChannel channel = this.channels.get(notice.getName());
		if (channel == null) {
			return;
		}
		try {
			channel.received(notice.getParameter());
		}
		catch (RuntimeException ex) {
			// one subscriber's failure must not cost the others their notices
			log.warn("Channel {} failed on a notice", notice.getName(), ex);
		}
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
