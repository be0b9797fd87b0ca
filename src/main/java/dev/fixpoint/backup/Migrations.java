package dev.fixpoint.backup;

import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The application's Flyway migrations, driven by hand: in backup and restore modes
 * nothing migrates at start-up, a restore migrates to the archive's version, loads the
 * rows, then migrates on to this application's latest.
 */
final class Migrations {

	private final DataSource dataSource;

	private final String[] locations;

	Migrations(DataSource dataSource, String... locations) {
		this.dataSource = dataSource;
		this.locations = locations;
	}

	private Flyway flyway(MigrationVersion target, boolean clean) {
		return Flyway.configure()
			.dataSource(this.dataSource)
			.locations(this.locations)
			.target(target)
			.cleanDisabled(!clean)
			.load();
	}

	/** The newest version this application knows. */
	MigrationVersion latest() {
		return Arrays.stream(flyway(MigrationVersion.LATEST, false).info().all())
			.map(MigrationInfo::getVersion)
			.filter(v -> v != null)
			.max(Comparator.naturalOrder())
			.orElse(MigrationVersion.EMPTY);
	}

	void migrateTo(MigrationVersion version) {
		flyway(version, false).migrate();
	}

	void migrateToLatest() {
		flyway(MigrationVersion.LATEST, false).migrate();
	}

	/** Drops everything in the application's schema. */
	void clean() {
		flyway(MigrationVersion.LATEST, true).clean();
	}

}
