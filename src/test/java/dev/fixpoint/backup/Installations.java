package dev.fixpoint.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.fixpoint.attachments.StoredObjects;
import dev.fixpoint.attachments.storage.LocalFileStorage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second installation next to the test run's: a new empty database on the same embedded
 * server and an empty attachment directory; and fingerprints of an installation to
 * compare two of them.
 */
final class Installations {

	private Installations() {
	}

	/** An empty installation; close its data source when done. */
	record Empty(HikariDataSource dataSource, StoredObjects objects, Path attachments) implements AutoCloseable {

		@Override
		public void close() {
			this.dataSource.close();
		}

	}

	/**
	 * The pool behind the application's DataSource (tests wrap it to count statements).
	 */
	private static HikariDataSource unwrap(DataSource dataSource) {
		try {
			return dataSource.unwrap(HikariDataSource.class);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Empty empty(DataSource running, Path attachments) throws IOException {
		String name = "restored_" + UUID.randomUUID().toString().replace("-", "");
		JdbcClient.create(running).sql("create database " + name).update();
		String url = unwrap(running).getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername("postgres");
		dataSource.setPassword("postgres");
		dataSource.setMaximumPoolSize(4);
		return new Empty(dataSource, new StoredObjects(dataSource, new LocalFileStorage(attachments)), attachments);
	}

	/** Every base table of the schema, as the catalog lists them. */
	static List<String> tables(DataSource dataSource) {
		return JdbcClient.create(dataSource).sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'
				order by table_name
				""").query(String.class).list();
	}

	/**
	 * Per table: row count and an order-independent hash over every column (generated
	 * ones too); Flyway's history only by version and checksum (it records when and how
	 * long each migration ran).
	 */
	static Map<String, String> fingerprints(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Map<String, String> fingerprints = new LinkedHashMap<>();
		for (String table : tables(dataSource)) {
			String rows = table.equals(DatabaseSchema.HISTORY_TABLE)
					? "(select version, checksum, success from " + DatabaseSchema.quote(table) + ")"
					: DatabaseSchema.quote(table);
			fingerprints.put(table, jdbc
				.sql("""
						select count(*) || ' rows, ' || md5(coalesce(string_agg(md5(r::text), '' order by md5(r::text)), ''))
						from %s r
						"""
					.formatted(rows))
				.query(String.class)
				.single());
		}
		jdbc.sql("""
				select sequencename, coalesce(last_value, 0) || ' ' || start_value from pg_sequences
				where schemaname = current_schema() order by sequencename
				""").query((rs, n) -> fingerprints.put("sequence " + rs.getString(1), rs.getString(2))).list();
		return fingerprints;
	}

	/** SHA-256 of every object the rows refer to. */
	static Map<String, String> objects(DataSource dataSource, StoredObjects objects) throws IOException {
		Map<String, String> digests = new LinkedHashMap<>();
		List<String> keys = new org.springframework.transaction.support.TransactionTemplate(
				new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource))
			.execute(status -> objects.referencedKeys());
		for (String key : keys) {
			try (InputStream in = objects.open(key)) {
				digests.put(key, sha256(in));
			}
		}
		return digests;
	}

	static String sha256(InputStream in) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[8192];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
