package dev.fixpoint.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;

import dev.fixpoint.attachments.StoredObjects;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Backup and restore of this installation: its database and its attachment store, as
 * configured for the server.
 */
@Component
class Backups {

	private final DataSource dataSource;

	private final StoredObjects objects;

	private final JsonMapper json;

	private final Clock clock;

	private final String[] migrationLocations;

	Backups(DataSource dataSource, StoredObjects objects, JsonMapper json, Clock clock, Environment environment) {
		this.dataSource = dataSource;
		this.objects = objects;
		this.json = json;
		this.clock = clock;
		this.migrationLocations = environment.getProperty("spring.flyway.locations", String[].class,
				new String[] { "classpath:db/migration" });
	}

	Manifest backup(Path to) throws IOException {
		Manifest manifest = new Backup(this.dataSource, this.objects, this.json, this.clock).writeTo(to, appVersion());
		recordRun(to, manifest);
		return manifest;
	}

	/**
	 * Notes the finished backup for the system status page (after the snapshot: the
	 * archive never holds its own row). A database that refuses only costs the note.
	 */
	private void recordRun(Path to, Manifest manifest) {
		try {
			JdbcClient.create(this.dataSource)
				.sql("""
						insert into backup_runs (id, finished_at, archive, bytes, rows)
						values (:id, :at, :archive, :bytes, :rows)
						""")
				.param("id", Ids.newId())
				.param("at", Timestamp.from(Times.now(this.clock)))
				.param("archive", to.toAbsolutePath().toString())
				.param("bytes", Files.size(to))
				.param("rows", manifest.tables().stream().mapToLong(Manifest.TableEntry::rows).sum())
				.update();
		}
		catch (IOException | DataAccessException ex) {
			LoggerFactory.getLogger(Backups.class).warn("Backup written, but not recorded: {}", ex.toString());
		}
	}

	Manifest restore(Path from, boolean force) throws IOException {
		return new Restore(this.dataSource, this.objects, new Migrations(this.dataSource, this.migrationLocations),
				this.json)
			.from(from, force);
	}

	static String appVersion() {
		String version = Backups.class.getPackage().getImplementationVersion();
		return version == null ? "development" : version;
	}

}
