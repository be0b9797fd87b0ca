package dev.fixpoint.bugs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of {@link BugImport}: each takes the whole batch as arrays
 * ({@code unnest}), so a batch of 500 bugs is one insert, not 500.
 */
@Repository
class BugImportRepository {

	/** Separates a bug's tags in the one text per bug that carries them. */
	private static final String TAG_SEPARATOR = "\u001f";

	private final JdbcClient jdbc;

	BugImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A bug to write, with its id and the stamps its status category implies. */
	record Row(UUID id, ImportedBug bug, Instant resolvedAt, Instant closedAt) {

		static Row of(UUID id, ImportedBug bug, boolean done, boolean closed) {
			Instant resolved = !done ? null : bug.resolvedAt() != null ? bug.resolvedAt() : bug.updatedAt();
			return new Row(id, bug, resolved, done && closed ? resolved : null);
		}

	}

	/**
	 * Imports into one project wait for each other, batch by batch (two jobs of the same
	 * source would otherwise both file a bug neither found).
	 */
	void lockProjectImports(UUID projectId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('fixpoint.import:' || :project, 0))")
			.param("project", projectId.toString())
			.query(Object.class)
			.single();
	}

	Map<String, UUID> findImported(UUID projectId, String source, Collection<String> originalIds) {
		Map<String, UUID> ids = new HashMap<>();
		if (originalIds.isEmpty()) {
			return ids;
		}
		this.jdbc.sql("""
				select import_id, id from bugs
				where project_id = :project and import_source = :source and import_id = any(cast(:ids as text[]))
				""")
			.param("project", projectId)
			.param("source", source)
			.param("ids", originalIds.toArray(String[]::new))
			.query((rs, n) -> ids.put(rs.getString("import_id"), rs.getObject("id", UUID.class)))
			.list();
		return ids;
	}

	void insert(UUID projectId, String source, List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into bugs (id, project_id, number, title, description, severity, priority, status, resolution,
				    reporter_id, assignee_id, tags, due_date, resolved_at, closed_at, created_at, updated_at,
				    import_source, import_id, import_key, import_url)
				select u.id, :project, next_bug_number(:project), u.title, u.description, u.severity, u.priority,
				    u.status, u.resolution, u.reporter, u.assignee, string_to_array(u.tags, :separator), u.due,
				    u.resolved, u.closed, u.created, u.updated, :source, u.original_id, u.original_key, u.url
				from unnest(cast(:ids as uuid[]), cast(:titles as text[]), cast(:descriptions as text[]),
				    cast(:severities as text[]), cast(:priorities as text[]), cast(:statuses as text[]),
				    cast(:resolutions as text[]), cast(:reporters as uuid[]), cast(:assignees as uuid[]),
				    cast(:tags as text[]), cast(:dues as date[]), cast(:resolvedAts as timestamptz[]),
				    cast(:closedAts as timestamptz[]), cast(:createdAts as timestamptz[]),
				    cast(:updatedAts as timestamptz[]), cast(:originalIds as text[]), cast(:originalKeys as text[]),
				    cast(:urls as text[]))
				    with ordinality as u(id, title, description, severity, priority, status, resolution, reporter,
				        assignee, tags, due, resolved, closed, created, updated, original_id, original_key, url, n)
				order by u.n
				""")
			.param("project", projectId)
			.param("source", source)
			.param("separator", TAG_SEPARATOR)
			.params(columns(rows))
			.update();
	}

	/** The source's fields win; the number, the comments and local history stay. */
	void update(List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update bugs b set title = u.title, description = u.description, severity = u.severity,
				    priority = u.priority, status = u.status, resolution = u.resolution, assignee_id = u.assignee,
				    tags = string_to_array(u.tags, :separator), due_date = u.due, resolved_at = u.resolved,
				    closed_at = u.closed, created_at = u.created, updated_at = greatest(b.updated_at, u.updated),
				    import_key = u.original_key, import_url = u.url, version = b.version + 1
				from unnest(cast(:ids as uuid[]), cast(:titles as text[]), cast(:descriptions as text[]),
				    cast(:severities as text[]), cast(:priorities as text[]), cast(:statuses as text[]),
				    cast(:resolutions as text[]), cast(:reporters as uuid[]), cast(:assignees as uuid[]),
				    cast(:tags as text[]), cast(:dues as date[]), cast(:resolvedAts as timestamptz[]),
				    cast(:closedAts as timestamptz[]), cast(:createdAts as timestamptz[]),
				    cast(:updatedAts as timestamptz[]), cast(:originalIds as text[]), cast(:originalKeys as text[]),
				    cast(:urls as text[]))
				    as u(id, title, description, severity, priority, status, resolution, reporter, assignee, tags, due,
				        resolved, closed, created, updated, original_id, original_key, url)
				where b.id = u.id
				    and (b.title, b.description, b.severity, b.priority, b.status, b.resolution, b.assignee_id, b.tags,
				        b.due_date, b.resolved_at, b.created_at, b.import_key, b.import_url)
				    is distinct from (u.title, u.description, u.severity, u.priority, u.status, u.resolution,
				        u.assignee, string_to_array(u.tags, :separator), u.due, u.resolved, u.created,
				        u.original_key, u.url)
				""").param("separator", TAG_SEPARATOR).params(columns(rows)).update();
	}

	/** One "imported from" entry per new bug, dated when the source filed it. */
	void history(List<Row> rows, UUID importerId, String label) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					insert into bug_history (bug_id, user_id, field, old_value, new_value, created_at)
					select u.id, :user, 'imported', null, u.note, u.at
					from unnest(cast(:ids as uuid[]), cast(:notes as text[]), cast(:ats as timestamptz[])) as u(id, note, at)
					""")
			.param("user", importerId)
			.param("ids", array(rows, r -> r.id().toString()))
			.param("notes", array(rows,
					r -> label + " " + (r.bug().originalKey() != null ? r.bug().originalKey() : r.bug().originalId())))
			.param("ats", array(rows, r -> text(r.bug().createdAt())))
			.update();
	}

	private static Map<String, Object> columns(List<Row> rows) {
		Map<String, Object> p = new HashMap<>();
		p.put("ids", array(rows, r -> r.id().toString()));
		p.put("titles", array(rows, r -> r.bug().title()));
		p.put("descriptions", array(rows, r -> r.bug().description()));
		p.put("severities", array(rows, r -> r.bug().severity().key()));
		p.put("priorities", array(rows, r -> r.bug().priority().key()));
		p.put("statuses", array(rows, r -> r.bug().status()));
		p.put("resolutions", array(rows, r -> r.resolvedAt() == null ? null : r.bug().resolution()));
		p.put("reporters", array(rows, r -> r.bug().reporterId().toString()));
		p.put("assignees", array(rows, r -> r.bug().assigneeId() == null ? null : r.bug().assigneeId().toString()));
		p.put("tags", array(rows, r -> String.join(TAG_SEPARATOR, r.bug().tags())));
		p.put("dues", array(rows, r -> r.bug().dueDate() == null ? null : r.bug().dueDate().toString()));
		p.put("resolvedAts", array(rows, r -> text(r.resolvedAt())));
		p.put("closedAts", array(rows, r -> text(r.closedAt())));
		p.put("createdAts", array(rows, r -> text(r.bug().createdAt())));
		p.put("updatedAts", array(rows, r -> text(r.bug().updatedAt())));
		p.put("originalIds", array(rows, r -> r.bug().originalId()));
		p.put("originalKeys", array(rows, r -> r.bug().originalKey()));
		p.put("urls", array(rows, r -> r.bug().originalUrl()));
		return p;
	}

	private static String[] array(List<Row> rows, Function<Row, String> column) {
		return rows.stream().map(column).toArray(String[]::new);
	}

	private static String text(Instant at) {
		return at == null ? null : Timestamp.from(at).toInstant().toString();
	}

}
