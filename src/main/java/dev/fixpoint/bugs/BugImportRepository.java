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
	 * An undo waits for the import batches of its project being written, and they wait
	 * for it ({@link #shareProjectImports}).
	 */
	void lockProjectImports(UUID projectId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('fixpoint.import:' || :project, 0))")
			.param("project", projectId.toString())
			.query(Object.class)
			.single();
	}

	/**
	 * A batch of an import: two batches of one job are written side by side (their
	 * original ids never overlap: the imports module waits for a batch in flight that
	 * shares one), an undo of the project waits for them. Two jobs of one project do not
	 * run at once (the imports module claims one at a time per project), and the unique
	 * original id ({@code bugs_import_idx}) never files a bug twice whatever happens.
	 */
	void shareProjectImports(UUID projectId) {
		this.jdbc.sql("select pg_advisory_xact_lock_shared(hashtextextended('fixpoint.import:' || :project, 0))")
			.param("project", projectId.toString())
			.query(Object.class)
			.single();
	}

	/**
	 * {@code n} numbers from the project's sequence, in order: drawn in one statement
	 * before the insert, so a batch's bugs are numbered together, in the file's order.
	 */
	long[] numbers(UUID projectId, int n) {
		if (n == 0) {
			return new long[0];
		}
		return this.jdbc
			.sql("select nextval(cast(:sequence as regclass)) as n from generate_series(1, :count) order by 1")
			.param("sequence", sequence(projectId))
			.param("count", n)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
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

	void insert(UUID projectId, String source, UUID jobId, List<Row> rows, long[] numbers) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into bugs (id, project_id, number, title, description, severity, priority, status, resolution,
				    reporter_id, assignee_id, tags, due_date, resolved_at, closed_at, created_at, updated_at,
				    import_source, import_id, import_key, import_url, import_job, comment_vector, github_issue_url)
				select u.id, :project, nr.number, u.title, u.description, u.severity,
				    u.priority, u.status, u.resolution, u.reporter, u.assignee, string_to_array(u.tags, :separator),
				    u.due, u.resolved, u.closed, u.created, u.updated, :source, u.original_id, u.original_key, u.url,
				    :job, coalesce(setweight(to_tsvector('english', c.comment_text), 'D'), ''::tsvector),
				    case when :source = 'github' then u.url end
				from unnest(cast(:ids as uuid[]), cast(:titles as text[]), cast(:descriptions as text[]),
				    cast(:severities as text[]), cast(:priorities as text[]), cast(:statuses as text[]),
				    cast(:resolutions as text[]), cast(:reporters as uuid[]), cast(:assignees as uuid[]),
				    cast(:tags as text[]), cast(:dues as date[]), cast(:resolvedAts as timestamptz[]),
				    cast(:closedAts as timestamptz[]), cast(:createdAts as timestamptz[]),
				    cast(:updatedAts as timestamptz[]), cast(:originalIds as text[]), cast(:originalKeys as text[]),
				    cast(:urls as text[]))
				    with ordinality as u(id, title, description, severity, priority, status, resolution, reporter,
				        assignee, tags, due, resolved, closed, created, updated, original_id, original_key, url, n)
				join unnest(cast(:commentTexts as text[])) with ordinality as c(comment_text, n) on c.n = u.n
				join unnest(cast(:numbers as bigint[])) with ordinality as nr(number, n) on nr.n = u.n
				order by u.n
				""")
			.param("project", projectId)
			.param("numbers", numbers)
			.param("job", jobId)
			.param("commentTexts", array(rows, r -> r.bug().commentText()))
			.param("source", source)
			.param("separator", TAG_SEPARATOR)
			.params(columns(rows))
			.update();
	}

	/** The per-project sequence of bug numbers (V13: {@code bug_number_sequence}). */
	private static String sequence(UUID projectId) {
		return "bug_number_" + projectId.toString().replace("-", "");
	}

	/** The unnested rows of a batch, as {@code u}. */
	private static final String ROWS = """
			unnest(cast(:ids as uuid[]), cast(:titles as text[]), cast(:descriptions as text[]),
			    cast(:severities as text[]), cast(:priorities as text[]), cast(:statuses as text[]),
			    cast(:resolutions as text[]), cast(:reporters as uuid[]), cast(:assignees as uuid[]),
			    cast(:tags as text[]), cast(:dues as date[]), cast(:resolvedAts as timestamptz[]),
			    cast(:closedAts as timestamptz[]), cast(:createdAts as timestamptz[]),
			    cast(:updatedAts as timestamptz[]), cast(:originalIds as text[]), cast(:originalKeys as text[]),
			    cast(:urls as text[]))
			    as u(id, title, description, severity, priority, status, resolution, reporter, assignee, tags, due,
			        resolved, closed, created, updated, original_id, original_key, url)
			""";

	/** A bug whose stored fields differ from the source's. */
	private static final String DIFFERENT = """
			b.id = u.id
			    and (b.title, b.description, b.severity, b.priority, b.status, b.resolution, b.assignee_id, b.tags,
			        b.due_date, b.resolved_at, b.created_at, b.import_key, b.import_url)
			    is distinct from (u.title, u.description, u.severity, u.priority, u.status, u.resolution,
			        u.assignee, string_to_array(u.tags, :separator), u.due, u.resolved, u.created,
			        u.original_key, u.url)
			""";

	/** The bugs of {@code rows} the source changed since they were imported. */
	List<UUID> changed(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select b.id from bugs b, " + ROWS + " where " + DIFFERENT)
			.param("separator", TAG_SEPARATOR)
			.params(columns(rows))
			.query(UUID.class)
			.list();
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
				    import_key = u.original_key, import_url = u.url, version = b.version + 1,
				    github_issue_url = case when b.import_source = 'github' then u.url else b.github_issue_url end
				from""" + " " + ROWS + " where " + DIFFERENT)
			.param("separator", TAG_SEPARATOR)
			.params(columns(rows))
			.update();
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

	/**
	 * See {@link BugImport#link}: one statement for the duplicates, one for the history.
	 */
	int link(UUID projectId, String source, List<BugImport.Link> links, UUID actor) {
		String resolved = """
				with l as (
				    select * from unnest(cast(:froms as text[]), cast(:kinds as text[]), cast(:targets as text[]))
				        as l(from_id, kind, target_key)
				), r as (
				    select f.id as from_bug, l.kind, l.target_key, coalesce(
				        (select t.id from bugs t where upper(t.import_key) = upper(l.target_key)
				         and t.project_id = :project and t.import_source = :source limit 1),
				        (select t.id from bugs t where t.project_id = :project and t.import_source = :source
				         and t.import_id = l.target_key)) as target_bug
				    from l join bugs f on f.project_id = :project and f.import_source = :source
				        and f.import_id = l.from_id
				)
				""";
		this.jdbc.sql(resolved + """
				, pairs as (
				    select case when kind = 'duplicates' then from_bug else target_bug end as duplicate,
				        case when kind = 'duplicates' then target_bug else from_bug end as original
				    from r where kind in ('duplicates', 'duplicated_by') and target_bug is not null
				        and target_bug <> from_bug
				)
				update bugs b set duplicate_of = p.original
				from (select distinct on (duplicate) duplicate, original from pairs order by duplicate, original) p
				where b.id = p.duplicate and b.duplicate_of is null
				""").params(linkColumns(links)).param("project", projectId).param("source", source).update();
		return this.jdbc.sql(resolved + """
				, entries as (
				    select r.from_bug, left(replace(r.kind, '_', ' ') || ' ' || r.target_key
				        || coalesce(' (' || p.key || '-' || t.number || ')', ''), 1000) as note
				    from r left join bugs t on t.id = r.target_bug left join projects p on p.id = t.project_id
				)
				insert into bug_history (bug_id, user_id, field, old_value, new_value, created_at)
				select e.from_bug, :actor, 'linked', null, e.note, f.updated_at
				from entries e join bugs f on f.id = e.from_bug
				where not exists (select 1 from bug_history h where h.bug_id = e.from_bug and h.field = 'linked'
				                  and h.new_value = e.note)
				order by e.from_bug, e.note
				""")
			.params(linkColumns(links))
			.param("project", projectId)
			.param("source", source)
			.param("actor", actor)
			.update();
	}

	private static Map<String, Object> linkColumns(List<BugImport.Link> links) {
		return Map.of("froms", links.stream().map(BugImport.Link::fromId).toArray(String[]::new), "kinds",
				links.stream().map(BugImport.Link::kind).toArray(String[]::new), "targets",
				links.stream().map(BugImport.Link::targetKey).toArray(String[]::new));
	}

	/**
	 * The key of a bug the job filed that changed since: edited (its version moved) or
	 * given a history entry by anyone but the import (a comment, an attachment, a link).
	 */
	java.util.Optional<String> changedSinceImport(UUID projectId, UUID jobId, UUID importActor) {
		return this.jdbc.sql("""
				select p.key || '-' || b.number from bugs b join projects p on p.id = b.project_id
				where b.project_id = :project and b.import_job = :job
				    and (b.version <> 1 or exists (select 1 from bug_history h where h.bug_id = b.id
				                                  and h.user_id is distinct from :actor))
				order by b.number limit 1
				""")
			.param("project", projectId)
			.param("job", jobId)
			.param("actor", importActor)
			.query(String.class)
			.optional();
	}

	List<UUID> filedBy(UUID projectId, UUID jobId) {
		return this.jdbc.sql("select id from bugs where project_id = :project and import_job = :job")
			.param("project", projectId)
			.param("job", jobId)
			.query(UUID.class)
			.list();
	}

	int delete(UUID projectId, UUID jobId) {
		return this.jdbc.sql("delete from bugs where project_id = :project and import_job = :job")
			.param("project", projectId)
			.param("job", jobId)
			.update();
	}

}
