package dev.fixpoint.platform;

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

}
