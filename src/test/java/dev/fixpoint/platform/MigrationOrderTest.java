package dev.fixpoint.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import dev.fixpoint.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgrades whatever order the migrations landed in: one that ran a build
 * without an older-numbered migration (V21 landed after V22 did) takes it on the next
 * start, with the application's own Flyway settings.
 */
class MigrationOrderTest extends IntegrationTest {

	@Autowired
	Flyway flyway;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path dir;

	@Test
	void anInstallationMissingAnOlderMigrationTakesItOnTheNextStart() throws Exception {
		List<Resource> scripts = List
			.of(new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql"));
		assertThat(scripts).extracting(Resource::getFilename).contains("V21__forge.sql");
		for (Resource script : scripts) {
			if (!script.getFilename().startsWith("V21__")) {
				try (var in = script.getInputStream()) {
					Files.copy(in, this.dir.resolve(script.getFilename()));
				}
			}
		}
		String name = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
		JdbcClient.create(this.dataSource).sql("create database " + name).update();
		try {
			DataSource installation = installation(name);
			// the build it ran had every migration but V21
			Flyway.configure().dataSource(installation).locations("filesystem:" + this.dir).load().migrate();

			Flyway upgrade = Flyway.configure()
				.configuration(this.flyway.getConfiguration())
				.dataSource(installation)
				.load();
			upgrade.migrate();

			assertThat(List.of(upgrade.info().all())).filteredOn(info -> info.getVersion().getVersion().equals("21"))
				.singleElement()
				.extracting(MigrationInfo::getState)
				.isEqualTo(MigrationState.OUT_OF_ORDER);
			assertThat(upgrade.info().pending()).isEmpty();
			assertThat(JdbcClient.create(installation)
				.sql("select count(*) from information_schema.tables where table_name = 'forge_links'")
				.query(Long.class)
				.single()).isEqualTo(1L);
		}
		finally {
			JdbcClient.create(this.dataSource).sql("drop database " + name + " with (force)").update();
		}
	}

	private DataSource installation(String database) throws Exception {
		try (Connection c = this.dataSource.getConnection()) {
			String url = c.getMetaData().getURL();
			String user = c.getMetaData().getUserName();
			String other = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
			return new SimpleDriverDataSource(new org.postgresql.Driver(), other, user, "postgres");
		}
	}

}
