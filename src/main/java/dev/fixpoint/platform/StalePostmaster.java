package dev.fixpoint.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a hard kill of the application the embedded postmaster may survive and keep
 * {@code postmaster.pid}; the next start would fail with "lock file already exists". Stop
 * such an orphan before starting again.
 */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(60);

	private StalePostmaster() {
	}

	/**
	 * The port of a live PostgreSQL serving this data directory (line 4 of
	 * {@code postmaster.pid}), if there is one.
	 */
	static java.util.OptionalInt runningPort(Path dataDir) throws IOException {
		if (running(dataDir).isEmpty()) {
			return java.util.OptionalInt.empty();
		}
		try {
			return java.util.OptionalInt.of(Integer.parseInt(Files.readAllLines(pidFile(dataDir)).get(3).trim()));
		}
		catch (RuntimeException ex) {
			return java.util.OptionalInt.empty();
		}
	}

	/**
	 * The live PostgreSQL process serving this data directory ({@code postmaster.pid}'s
	 * first line), if there is one.
	 */
	static Optional<ProcessHandle> running(Path dataDir) {
		try {
			List<String> lines = Files.readAllLines(pidFile(dataDir));
			return lines.isEmpty() ? Optional.empty()
					: ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(StalePostmaster::isPostgres);
		}
		catch (IOException | RuntimeException ex) {
			// no file (yet), or one being written
			return Optional.empty();
		}
	}

	static void stopIfRunning(Path dataDir) throws IOException {
		Optional<ProcessHandle> process = running(dataDir);
		if (process.isPresent()) {
			log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", process.get().pid());
			process.get().destroy();
			try {
				// its shutdown checkpoint writes every dirty buffer (shared_buffers is up
				// to 1 GB); killed before, the next start replays the WAL instead
				process.get().onExit().get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				process.get().destroyForcibly();
			}
		}
		Files.deleteIfExists(pidFile(dataDir));
	}

	private static Path pidFile(Path dataDir) {
		return dataDir.resolve("postmaster.pid");
	}

	private static boolean isPostgres(ProcessHandle handle) {
		return handle.info()
			.command()
			.map(cmd -> cmd.endsWith("postgres") || cmd.contains("/bin/postgres"))
			.orElse(false);
	}

}
