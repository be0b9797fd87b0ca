package dev.fixpoint.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

import dev.fixpoint.attachments.StoredObjects;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
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
		return new Backup(this.dataSource, this.objects, this.json, this.clock).writeTo(to, appVersion());
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
