package dev.fixpoint.backup;

import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

import dev.fixpoint.attachments.StoredObjects;
import dev.fixpoint.platform.Times;
import org.postgresql.PGConnection;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one archive of the database and the stored objects, online: the rows come from
 * one repeatable-read, read-only snapshot (other transactions go on meanwhile), the
 * objects those rows refer to follow while purges are paused (so none of them disappears
 * before it is copied). Everything streams: neither a table nor an object is held in
 * memory.
 */
final class Backup {

	private final DataSource dataSource;

	private final StoredObjects objects;

	private final JsonMapper json;

	private final Clock clock;

	Backup(DataSource dataSource, StoredObjects objects, JsonMapper json, Clock clock) {
		this.dataSource = dataSource;
		this.objects = objects;
		this.json = json;
		this.clock = clock;
	}

	/** What the snapshot transaction read. */
	private record Snapshot(String schemaVersion, Instant at, List<Manifest.TableEntry> tables,
			List<Manifest.SequenceEntry> sequences, List<String> keys) {
	}

	Manifest writeTo(Path target, String appVersion) throws IOException {
		if (Files.exists(target)) {
			throw new BackupRefusedException(target + " already exists; choose another name");
		}
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		Manifest manifest;
		try (StoredObjects.Pause pause = this.objects.pausePurges();
				ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(
						Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW), 1 << 16))) {
			zip.setLevel(Deflater.BEST_SPEED);
			Snapshot snapshot = snapshot(zip);
			List<Manifest.ObjectEntry> copied = new ArrayList<>();
			List<String> missing = new ArrayList<>();
			for (String key : snapshot.keys()) {
				copyObject(zip, key).ifPresentOrElse(copied::add, () -> missing.add(key));
			}
			manifest = new Manifest(Manifest.FORMAT, appVersion, snapshot.schemaVersion(), snapshot.at(),
					this.objects.backend(), snapshot.tables(), snapshot.sequences(), copied, missing);
			zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
			zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
			zip.closeEntry();
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			if (ex instanceof NoSuchFileException missingDir) {
				throw new BackupRefusedException("cannot write " + missingDir.getFile() + " (no such directory)", ex);
			}
			throw ex;
		}
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		return manifest;
	}

	private Snapshot snapshot(ZipOutputStream zip) {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		transaction.setReadOnly(true);
		return transaction.execute(status -> {
			JdbcClient jdbc = JdbcClient.create(this.dataSource);
			DatabaseSchema schema = new DatabaseSchema(jdbc);
			String version = schema.schemaVersion();
			if (version == null) {
				throw new BackupRefusedException("the database has no Fixpoint schema: nothing to back up");
			}
			// the snapshot began with the first statement, just above
			Instant at = Times.now(this.clock);
			List<Manifest.TableEntry> tables = new ArrayList<>();
			for (DatabaseSchema.Table table : schema.tables()) {
				tables.add(copyTable(zip, table));
			}
			return new Snapshot(version, at, tables, schema.sequences(), this.objects.referencedKeys());
		});
	}

	private Manifest.TableEntry copyTable(ZipOutputStream zip, DatabaseSchema.Table table) {
		String entry = "tables/" + table.name() + ".copy";
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			zip.putNextEntry(new ZipEntry(entry));
			Digesting digest = new Digesting();
			try (OutputStream out = digest.writingTo(zip)) {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyOut("copy " + DatabaseSchema.quote(table.name()) + " (" + table.copyColumns() + ") to stdout",
							out);
			}
			zip.closeEntry();
			return new Manifest.TableEntry(table.name(), table.columns(), entry, digest.lines(), digest.bytes(),
					digest.sha256());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not copy " + table.name(), ex);
		}
	}

	private java.util.Optional<Manifest.ObjectEntry> copyObject(ZipOutputStream zip, String key) throws IOException {
		InputStream in;
		try {
			in = this.objects.open(key);
		}
		catch (FileNotFoundException | NoSuchFileException ex) {
			return java.util.Optional.empty();
		}
		Manifest.ObjectEntry placeholder = new Manifest.ObjectEntry(key, 0, "");
		zip.putNextEntry(new ZipEntry(placeholder.entry()));
		Digesting digest = new Digesting();
		try (in; OutputStream out = digest.writingTo(zip)) {
			in.transferTo(out);
		}
		zip.closeEntry();
		return java.util.Optional.of(new Manifest.ObjectEntry(key, digest.bytes(), digest.sha256()));
	}

}
