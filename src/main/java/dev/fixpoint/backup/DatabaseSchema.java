package dev.fixpoint.backup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's tables and sequences as the catalog shows them, read in the caller's
 * transaction: nothing here knows a module's tables, so a table added by a migration is
 * backed up without a change here.
 */
final class DatabaseSchema {

	/**
	 * Flyway's own table: the restore rebuilds it by migrating to the recorded version.
	 */
	static final String HISTORY_TABLE = "flyway_schema_history";

	/**
	 * A table and the columns a backup copies (generated columns are computed again on
	 * restore).
	 */
	record Table(String name, List<String> columns) {

		String copyColumns() {
			return String.join(", ", this.columns.stream().map(DatabaseSchema::quote).toList());
		}

	}

	private final JdbcClient jdbc;

	DatabaseSchema(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every table of the current schema but Flyway's, parents before the tables whose
	 * foreign keys point at them.
	 */
	List<Table> tables() {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.table_name, c.column_name
				from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				  and c.is_generated = 'NEVER' and c.table_name <> :history
				order by c.table_name, c.ordinal_position
				""")
			.param("history", HISTORY_TABLE)
			.query((rs, n) -> columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		Map<String, Set<String>> parents = new HashMap<>();
		this.jdbc.sql("""
				select c.conrelid::regclass::text, c.confrelid::regclass::text
				from pg_constraint c join pg_namespace n on n.oid = c.connamespace
				where c.contype = 'f' and n.nspname = current_schema() and c.conrelid <> c.confrelid
				""")
			.query((rs, n) -> parents.computeIfAbsent(unquote(rs.getString(1)), k -> new LinkedHashSet<>())
				.add(unquote(rs.getString(2))))
			.list();
		List<String> ordered = new ArrayList<>();
		for (String table : columns.keySet()) {
			visit(table, parents, new LinkedHashSet<>(), ordered);
		}
		return ordered.stream().filter(columns::containsKey).map(t -> new Table(t, columns.get(t))).toList();
	}

	private static void visit(String table, Map<String, Set<String>> parents, Set<String> path, List<String> ordered) {
		if (ordered.contains(table)) {
			return;
		}
		if (!path.add(table)) {
			throw new IllegalStateException("Foreign keys form a cycle through " + table);
		}
		for (String parent : parents.getOrDefault(table, Set.of())) {
			visit(parent, parents, path, ordered);
		}
		path.remove(table);
		ordered.add(table);
	}

	/** Sequences of the current schema, with their definition and current value. */
	List<Manifest.SequenceEntry> sequences() {
		List<Manifest.SequenceEntry> definitions = this.jdbc.sql("""
				select s.relname, format_type(q.seqtypid, null), q.seqstart, q.seqincrement, q.seqmin, q.seqmax,
				       q.seqcycle, exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
				                           and d.objid = s.oid and d.deptype in ('a', 'i')) as owned
				from pg_class s
				join pg_sequence q on q.seqrelid = s.oid
				join pg_namespace n on n.oid = s.relnamespace
				where s.relkind = 'S' and n.nspname = current_schema()
				order by s.relname
				""")
			.query((rs, n) -> new Manifest.SequenceEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getBoolean(7), rs.getBoolean(8), 0, false))
			.list();
		// a sequence's value is not part of a snapshot: it is read now, never lower than
		// the snapshot's (numbers handed out later are not handed out again after a
		// restore)
		return definitions.stream()
			.map(s -> this.jdbc.sql("select last_value, is_called from " + quote(s.name()))
				.query((rs, n) -> s.withValue(rs.getLong(1), rs.getBoolean(2)))
				.single())
			.toList();
	}

	/**
	 * The version of the last successful migration, or null on a database Flyway never
	 * touched.
	 */
	String schemaVersion() {
		if (!tableExists(HISTORY_TABLE)) {
			return null;
		}
		return this.jdbc.sql("""
				select version from flyway_schema_history
				where success and version is not null
				order by installed_rank desc limit 1
				""").query(String.class).optional().orElse(null);
	}

	boolean tableExists(String name) {
		return this.jdbc
			.sql("select to_regclass(quote_ident(current_schema()) || '.' || quote_ident(:name)) is not null")
			.param("name", name)
			.query(Boolean.class)
			.single();
	}

	/** Tables (Flyway's aside) holding at least one row. */
	/**
	 * Tables holding rows beyond those the migrations insert themselves (the system
	 * actors in {@code users}): an installation nobody used yet counts as empty.
	 */
	List<String> tablesWithRows() {
		return tables().stream()
			.map(Table::name)
			.filter(t -> this.jdbc
				.sql("select exists (select 1 from " + quote(t) + " where "
						+ SEEDED_BY_MIGRATIONS.getOrDefault(t, "true") + ")")
				.query(Boolean.class)
				.single())
			.toList();
	}

	/** Per table, which rows are not the migrations' own (a condition on its columns). */
	private static final Map<String, String> SEEDED_BY_MIGRATIONS = Map.of("users", "kind <> 'system'");

	/** Anything at all in the current schema (tables, sequences, functions, types...). */
	boolean hasObjects() {
		return this.jdbc.sql("""
				select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
				               where n.nspname = current_schema())
				    or exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
				               where n.nspname = current_schema() and p.prokind <> 'a'
				                 and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e'))
				""").query(Boolean.class).single();
	}

	/**
	 * An identifier for SQL text: names come from the catalog or are checked against it.
	 */
	static String quote(String identifier) {
		if (identifier.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("Not an identifier");
		}
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static String unquote(String regclass) {
		return regclass.startsWith("\"") ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"")
				: regclass;
	}

}
