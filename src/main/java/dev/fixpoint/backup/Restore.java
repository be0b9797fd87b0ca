package dev.fixpoint.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

import dev.fixpoint.attachments.StoredObjects;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an archive into an empty database and object store: migrates to the archive's
 * schema version, loads every table and writes every object in one transaction (checksums
 * verified as they stream; a mismatch rolls everything back and removes the objects
 * written), sets the sequences, then migrates on to this application's version.
 */
final class Restore {

	private static final Logger log = LoggerFactory.getLogger(Restore.class);

	private final DataSource dataSource;

	private final StoredObjects objects;

	private final Migrations migrations;

	private final JsonMapper json;

	Restore(DataSource dataSource, StoredObjects objects, Migrations migrations, JsonMapper json) {
		this.dataSource = dataSource;
		this.objects = objects;
		this.migrations = migrations;
		this.json = json;
	}

	Manifest from(Path archive, boolean force) throws IOException {
		if (!Files.isRegularFile(archive)) {
			throw new BackupRefusedException(archive + ": no such file");
		}
		try (ZipFile zip = open(archive)) {
			Manifest manifest = manifest(zip, archive);
			prepare(manifest, force);
			List<String> written = new ArrayList<>();
			try {
				TransactionTemplate transaction = new TransactionTemplate(
						new DataSourceTransactionManager(this.dataSource));
				transaction.executeWithoutResult(status -> load(zip, manifest, written));
			}
			catch (RuntimeException ex) {
				removeQuietly(written);
				throw ex;
			}
			this.migrations.migrateToLatest();
			return manifest;
		}
	}

	private static ZipFile open(Path archive) throws IOException {
		try {
			return new ZipFile(archive.toFile());
		}
		catch (ZipException ex) {
			throw new BackupRefusedException(archive + " is not a Fixpoint backup (not a readable zip archive)", ex);
		}
	}

	private Manifest manifest(ZipFile zip, Path archive) throws IOException {
		ZipEntry entry = zip.getEntry(Manifest.ENTRY);
		if (entry == null) {
			throw new BackupRefusedException(archive + " is not a Fixpoint backup (no " + Manifest.ENTRY + ")");
		}
		Manifest manifest;
		try (InputStream in = zip.getInputStream(entry)) {
			manifest = this.json.readValue(in, Manifest.class);
		}
		catch (JacksonException | ZipException ex) {
			throw new BackupRefusedException(archive + " is corrupt (unreadable " + Manifest.ENTRY + ")", ex);
		}
		if (manifest.format() != Manifest.FORMAT || manifest.schemaVersion() == null || manifest.tables() == null) {
			throw new BackupRefusedException(
					archive + " has an archive format this Fixpoint does not read (" + manifest.format() + ")");
		}
		MigrationVersion latest = this.migrations.latest();
		if (MigrationVersion.fromVersion(manifest.schemaVersion()).isNewerThan(latest.getVersion())) {
			throw new BackupRefusedException(
					"the backup's schema version " + manifest.schemaVersion() + " is newer than this Fixpoint's ("
							+ latest + "): restore it with Fixpoint " + manifest.appVersion() + " or later");
		}
		for (String name : entries(manifest)) {
			if (zip.getEntry(name) == null) {
				throw new BackupRefusedException(archive + " is corrupt (" + name + " is missing)");
			}
		}
		return manifest;
	}

	private static List<String> entries(Manifest manifest) {
		List<String> names = new ArrayList<>(manifest.tables().stream().map(Manifest.TableEntry::entry).toList());
		manifest.objects().forEach(o -> names.add(o.entry()));
		return names;
	}

	/**
	 * Refuses a database that holds rows (unless forced), empties the schema, migrates to
	 * the archive's version.
	 */
	private void prepare(Manifest manifest, boolean force) {
		DatabaseSchema schema = new DatabaseSchema(JdbcClient.create(this.dataSource));
		List<String> filled = schema.tablesWithRows();
		if (!filled.isEmpty() && !force) {
			throw new BackupRefusedException("the database is not empty (" + filled.size() + " tables hold rows, e.g. "
					+ filled.get(0) + "); restore into an empty one, or add --force to replace everything in it");
		}
		if (schema.hasObjects()) {
			this.migrations.clean();
		}
		this.migrations.migrateTo(MigrationVersion.fromVersion(manifest.schemaVersion()));
	}

	private void load(ZipFile zip, Manifest manifest, List<String> written) {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		List<DatabaseSchema.Table> tables = new DatabaseSchema(jdbc).tables();
		Map<String, Manifest.TableEntry> entries = manifest.tables()
			.stream()
			.collect(Collectors.toMap(Manifest.TableEntry::name, Function.identity()));
		if (!entries.keySet().equals(tables.stream().map(DatabaseSchema.Table::name).collect(Collectors.toSet()))) {
			throw new BackupRefusedException("the backup's tables do not match schema version "
					+ manifest.schemaVersion() + ": the archive is corrupt");
		}
		// the rows are loaded as they were: triggers (derived columns, bug number
		// sequences) already did their work before the backup
		tables.forEach(t -> triggers(jdbc, t, "disable"));
		// the archive holds every row, those the migrations insert too (system actors)
		jdbc.sql("truncate "
				+ tables.stream().map(t -> DatabaseSchema.quote(t.name())).collect(Collectors.joining(", ")))
			.update();
		for (DatabaseSchema.Table table : tables) {
			copyIn(zip, table, entries.get(table.name()));
		}
		new Sequences(jdbc).restore(manifest.sequences());
		for (Manifest.ObjectEntry object : manifest.objects()) {
			writeObject(zip, object, written);
		}
		// deferred foreign keys are checked now: a table with pending checks cannot be
		// altered
		jdbc.sql("set constraints all immediate").update();
		tables.forEach(t -> triggers(jdbc, t, "enable"));
	}

	private static void triggers(JdbcClient jdbc, DatabaseSchema.Table table, String enableOrDisable) {
		jdbc.sql("alter table " + DatabaseSchema.quote(table.name()) + " " + enableOrDisable + " trigger user")
			.update();
	}

	private void copyIn(ZipFile zip, DatabaseSchema.Table table, Manifest.TableEntry entry) {
		Set<String> known = new HashSet<>(table.columns());
		if (!known.equals(new HashSet<>(entry.columns()))) {
			throw new BackupRefusedException("the backup's columns of " + table.name()
					+ " do not match its schema version: the archive is corrupt");
		}
		DatabaseSchema.Table asArchived = new DatabaseSchema.Table(table.name(), entry.columns());
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		Digesting digest = new Digesting();
		long rows;
		try (InputStream in = digest.readingFrom(zip.getInputStream(zip.getEntry(entry.entry())))) {
			rows = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + DatabaseSchema.quote(table.name()) + " (" + asArchived.copyColumns() + ") from stdin",
						in);
		}
		catch (IOException ex) {
			throw corrupt(entry.entry(), ex);
		}
		catch (SQLException ex) {
			throw new BackupRefusedException("could not load " + table.name() + ": " + ex.getMessage(), ex);
		}
		if (rows != entry.rows() || !digest.sha256().equals(entry.sha256())) {
			throw corrupt(entry.entry(), null);
		}
	}

	private void writeObject(ZipFile zip, Manifest.ObjectEntry object, List<String> written) {
		Digesting digest = new Digesting();
		try (InputStream in = digest.readingFrom(zip.getInputStream(zip.getEntry(object.entry())))) {
			written.add(object.key());
			this.objects.store(object.key(), in, object.size());
		}
		catch (IOException ex) {
			throw corrupt(object.entry(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new BackupRefusedException("the archive holds an object with an invalid key: it is corrupt", ex);
		}
		if (digest.bytes() != object.size() || !digest.sha256().equals(object.sha256())) {
			throw corrupt(object.entry(), null);
		}
	}

	private static BackupRefusedException corrupt(String entry, Exception cause) {
		return new BackupRefusedException("the archive is corrupt: " + entry + " does not match its checksum", cause);
	}

	private void removeQuietly(List<String> keys) {
		for (String key : keys) {
			try {
				this.objects.delete(key);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not remove restored object {} after the failed restore", key);
			}
		}
	}

}
