package dev.fixpoint.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server that holds a real installation's data writes it durably. */
class EmbeddedDatabaseTest {

	@TempDir
	Path dir;

	@Test
	void aPersistentDataDirectoryIsWrittenWithFsyncAndSynchronousCommit() throws Exception {
		Path pgDir = Files.createDirectories(this.dir.resolve("postgres"));
		try (EmbeddedPostgres server = DatabaseConfiguration.EmbeddedDatabase.builder(pgDir, false).start();
				Connection c = server.getPostgresDatabase().getConnection()) {
			assertThat(setting(c, "fsync")).isEqualTo("on");
			assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(c, "full_page_writes")).isEqualTo("on");
			assertThat(setting(c, "jit")).isEqualTo("off");
			assertThat(setting(c, "max_wal_size")).isEqualTo("4GB");
			assertThat(setting(c, "checkpoint_timeout")).isEqualTo("15min");
		}
	}

	@Test
	void theBufferCacheIsAnEighthOfTheMachinesMemoryBetween128MbAnd1Gb() {
		long gb = 1024L * 1024 * 1024;
		assertThat(DatabaseConfiguration.EmbeddedDatabase.sharedBuffersMb(0)).isEqualTo(128);
		assertThat(DatabaseConfiguration.EmbeddedDatabase.sharedBuffersMb(2 * gb)).isEqualTo(256);
		assertThat(DatabaseConfiguration.EmbeddedDatabase.sharedBuffersMb(4 * gb)).isEqualTo(512);
		assertThat(DatabaseConfiguration.EmbeddedDatabase.sharedBuffersMb(24 * gb)).isEqualTo(1024);
	}

	private static String setting(Connection c, String name) throws Exception {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

	@Test
	void onShutdownTheServerWaitsUntilItsPoolsAreClosed() throws Exception {
		// other tests of this JVM may hold pools open: count from here
		int before = DatabaseConfiguration.EmbeddedDatabase.openPools();
		DatabaseConfiguration.EmbeddedDatabase.Pool pool = new DatabaseConfiguration.EmbeddedDatabase.Pool();
		assertThat(DatabaseConfiguration.EmbeddedDatabase.awaitOpenPools(before, Duration.ofMillis(100))).isFalse();
		CompletableFuture<Boolean> waiting = CompletableFuture
			.supplyAsync(() -> DatabaseConfiguration.EmbeddedDatabase.awaitOpenPools(before, Duration.ofSeconds(30)));
		pool.close();
		pool.close(); // Spring may close twice; counted once
		assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
		assertThat(DatabaseConfiguration.EmbeddedDatabase.openPools()).isEqualTo(before);
	}

	@Test
	void afterAKillNineTheServerReplaysItsLogAndKeepsEveryCommittedRow() throws Exception {
		Path pgDir = Files.createDirectories(this.dir.resolve("postgres"));
		EmbeddedPostgres first = PostgresStart.start(DatabaseConfiguration.EmbeddedDatabase.builder(pgDir, false),
				pgDir, PostgresStart.NO_POSTMASTER);
		try (Connection c = first.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("create table kept (n int primary key)");
			s.execute("insert into kept select generate_series(1, 5000)");
		}
		ProcessHandle postmaster = StalePostmaster.running(pgDir).orElseThrow();
		postmaster.destroyForcibly();
		postmaster.onExit().get(30, TimeUnit.SECONDS);
		try {
			first.close();
		}
		catch (IOException ex) {
			// its postmaster is gone: pg_ctl stop has nothing to stop
		}
		StalePostmaster.stopIfRunning(pgDir);
		try (EmbeddedPostgres again = PostgresStart.start(DatabaseConfiguration.EmbeddedDatabase.builder(pgDir, false),
				pgDir, PostgresStart.NO_POSTMASTER);
				Connection c = again.getPostgresDatabase().getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select count(*) from kept")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(5000);
		}
	}

	@Test
	void aServerThatCannotStartFailsTheStartWithoutWaitingForIt() throws Exception {
		Path pgDir = Files.createDirectories(this.dir.resolve("postgres"));
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			EmbeddedPostgres.Builder builder = DatabaseConfiguration.EmbeddedDatabase.builder(pgDir, false)
				.setPort(taken.getLocalPort())
				.setServerConfig("listen_addresses", "127.0.0.1");
			long start = System.nanoTime();
			assertThatThrownBy(() -> PostgresStart.start(builder, pgDir, Duration.ofSeconds(20)))
				.isInstanceOf(IOException.class)
				.hasMessageContaining("The embedded PostgreSQL did not start");
			// far less than the library's wait (two hours): the watcher ended it
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(2));
		}
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

}
