package dev.fixpoint.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

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
		}
	}

	private static String setting(Connection c, String name) throws Exception {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
