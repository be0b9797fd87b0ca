package dev.fixpoint.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportJobRepository {

	/** The size of the pieces an uploaded file is stored in. */
	static final int CHUNK = 1 << 20;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportJobRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A job row as the runner needs it. */
	record JobRow(UUID id, UUID projectId, UUID createdBy, ImportSource source, boolean dryRun, ImportMapping mapping,
			String filename, long sizeBytes, String charset, ImportState state, Integer total, int processed,
			int created, int updated, int skipped, int warningCount, ImportReport report, String error,
			boolean cancelRequested, String claimedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
			int comments, int links, int attachments) {

		/** A new job, queued. */
		static JobRow queued(UUID id, UUID projectId, UUID createdBy, ImportSource source, boolean dryRun,
				ImportMapping mapping, String filename, Instant now) {
			return new JobRow(id, projectId, createdBy, source, dryRun, mapping, filename, 0, null, ImportState.QUEUED,
					null, 0, 0, 0, 0, 0, null, null, false, null, now, null, null, 0, 0, 0);
		}

	}

	private static final String COLUMNS = """
			id, project_id, created_by, source, dry_run, mapping, filename, size_bytes, charset, state, total,
			processed, created, updated, skipped, warning_count, report, error, cancel_requested, claimed_by,
			created_at, started_at, finished_at, comments, links, attachments
			""";

	void insert(JobRow job) {
		this.jdbc.sql("""
				insert into import_jobs (id, project_id, created_by, source, dry_run, mapping, filename, size_bytes,
				    state, created_at)
				values (:id, :project, :by, :source, :dryRun, cast(:mapping as jsonb), :filename, 0, 'queued', :at)
				""")
			.param("id", job.id())
			.param("project", job.projectId())
			.param("by", job.createdBy())
			.param("source", job.source().key())
			.param("dryRun", job.dryRun())
			.param("mapping", this.json.writeValueAsString(job.mapping()))
			.param("filename", job.filename())
			.param("at", Timestamp.from(job.createdAt()))
			.update();
	}

	/** An API source's connection and its sealed token. */
	void connect(UUID jobId, ImportConnection connection, byte[] secret) {
		this.jdbc.sql("update import_jobs set connection = cast(:connection as jsonb), secret = :secret where id = :id")
			.param("id", jobId)
			.param("connection", this.json.writeValueAsString(connection))
			.param("secret", secret)
			.update();
	}

	Optional<ImportConnection> connection(UUID jobId) {
		return this.jdbc.sql("select connection from import_jobs where id = :id and connection is not null")
			.param("id", jobId)
			.query(String.class)
			.optional()
			.map(text -> this.json.readValue(text, ImportConnection.class));
	}

	Optional<byte[]> secret(UUID jobId) {
		return this.jdbc.sql("select secret from import_jobs where id = :id and secret is not null")
			.param("id", jobId)
			.query(byte[].class)
			.optional();
	}

	/** Hands a dry run's connection and token to the job that runs it for real. */
	boolean moveConnection(UUID from, UUID to) {
		int moved = this.jdbc.sql("""
				update import_jobs t set connection = f.connection, secret = f.secret
				from import_jobs f where f.id = :from and t.id = :to and f.secret is not null
				""").param("from", from).param("to", to).update();
		this.jdbc.sql("update import_jobs set secret = null where id = :from").param("from", from).update();
		return moved > 0;
	}

	/** Stores the upload in pieces, streamed; returns its size. */
	long storeFile(UUID jobId, InputStream in, long maxBytes) {
		try {
			long size = 0;
			int seq = 0;
			byte[] chunk;
			while ((chunk = in.readNBytes(CHUNK)).length > 0) {
				this.jdbc.sql("insert into import_job_chunks (job_id, seq, data) values (:job, :seq, :data)")
					.param("job", jobId)
					.param("seq", seq++)
					.param("data", chunk)
					.update();
				size += chunk.length;
				if (size > maxBytes) {
					throw new ImportTooLargeException(maxBytes);
				}
			}
			this.jdbc.sql("update import_jobs set size_bytes = :size where id = :id")
				.param("size", size)
				.param("id", jobId)
				.update();
			return size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int chunkCount(UUID jobId) {
		return this.jdbc.sql("select count(*) from import_job_chunks where job_id = :job")
			.param("job", jobId)
			.query(Integer.class)
			.single();
	}

	byte[] chunk(UUID jobId, int seq) {
		return this.jdbc.sql("select data from import_job_chunks where job_id = :job and seq = :seq")
			.param("job", jobId)
			.param("seq", seq)
			.query(byte[].class)
			.optional()
			.orElse(null);
	}

	Optional<JobRow> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from import_jobs where id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	/**
	 * Settings of a batch's transaction. Its commit does not wait for the WAL flush: a
	 * crash may lose the last batches, but each together with the job's progress, so the
	 * resumed job writes them again (nothing half-written, nothing twice). The GIN
	 * indexes of the bugs (full text, tags, title trigrams) collect the batch's entries
	 * in a larger pending list and merge them sorted, instead of one entry at a time.
	 */
	void batchSettings() {
		this.jdbc
			.sql("select set_config('synchronous_commit', 'off', true), "
					+ "set_config('gin_pending_list_limit', '16384', true)")
			.query()
			.singleRow();
	}

	/** Locks the job for one batch: it must still be this node's and running. */
	Optional<JobRow> lockOwned(UUID id, String node) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from import_jobs where id = :id and claimed_by = :node and state = 'running' for no key update")
			.param("id", id)
			.param("node", node)
			.query(this::row)
			.optional();
	}

	/**
	 * Claims the oldest queued job, or a running one whose node stopped beating: once
	 * across nodes ({@code SKIP LOCKED}; the update makes it this node's). A job that
	 * writes is not claimed while another one writes into its project (a job's batches
	 * are written side by side, two jobs' batches never): claims take turns (a
	 * transaction-scoped lock), so two nodes never claim two such jobs at once.
	 */
	Optional<UUID> claim(String node, Instant now, Instant staleBefore) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('fixpoint.import-claim', 0))")
			.query(Object.class)
			.single();
		return this.jdbc.sql("""
				update import_jobs set state = 'running', claimed_by = :node, heartbeat_at = :now,
				    started_at = coalesce(started_at, :now)
				where id = (
				    select j.id from import_jobs j
				    where (j.state = 'queued' or (j.state = 'running' and j.heartbeat_at < :stale))
				        and (j.dry_run or not exists (
				            select 1 from import_jobs r
				            where r.project_id = j.project_id and r.id <> j.id and r.state = 'running' and not r.dry_run
				                and r.heartbeat_at >= :stale))
				    order by j.created_at
				    for update skip locked
				    limit 1)
				returning id
				""")
			.param("node", node)
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(staleBefore))
			.query(UUID.class)
			.optional();
	}

	/** Whether a job runs on a node that beat since {@code staleBefore}. */
	boolean anyRunning(Instant staleBefore) {
		return this.jdbc.sql(
				"select exists (select 1 from import_jobs where state = 'running' and not dry_run and heartbeat_at >= :stale)")
			.param("stale", Timestamp.from(staleBefore))
			.query(Boolean.class)
			.single();
	}

	void heartbeat(UUID id, String node, Instant now) {
		this.jdbc.sql("update import_jobs set heartbeat_at = :now where id = :id and claimed_by = :node")
			.param("id", id)
			.param("node", node)
			.param("now", Timestamp.from(now))
			.update();
	}

	void counted(UUID id, int total, String charset) {
		this.jdbc.sql("update import_jobs set total = :total, charset = :charset where id = :id")
			.param("id", id)
			.param("total", total)
			.param("charset", charset)
			.update();
	}

	/** A batch's progress, committed with the batch. */
	void progress(UUID id, int rows, int created, int updated, int skipped, int comments, int warnings,
			ImportReport report, Instant now) {
		this.jdbc
			.sql("""
					update import_jobs set processed = processed + :rows, created = created + :created,
					    updated = updated + :updated, skipped = skipped + :skipped, warning_count = warning_count + :warnings,
					    comments = comments + :comments, report = cast(:report as jsonb), heartbeat_at = :now
					where id = :id
					""")
			.param("id", id)
			.param("comments", comments)
			.param("rows", rows)
			.param("created", created)
			.param("updated", updated)
			.param("skipped", skipped)
			.param("warnings", warnings)
			.param("report", this.json.writeValueAsString(report))
			.param("now", Timestamp.from(now))
			.update();
	}

	void warnings(UUID id, int firstSeq, List<ImportWarning> warnings) {
		if (warnings.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into import_warnings (job_id, seq, line, original, message)
				select :job, :first + u.n - 1, u.line, u.original, u.message
				from unnest(cast(:lines as integer[]), cast(:originals as text[]), cast(:messages as text[]))
				    with ordinality as u(line, original, message, n)
				""")
			.param("job", id)
			.param("first", firstSeq)
			.param("lines",
					warnings.stream().map(w -> w.line() == null ? null : w.line().intValue()).toArray(Integer[]::new))
			.param("originals", warnings.stream().map(ImportWarning::original).toArray(String[]::new))
			.param("messages", warnings.stream().map(ImportWarning::message).toArray(String[]::new))
			.update();
	}

	/** Warnings after the rows' (the attachments'), counted with the job. */
	void appendWarnings(UUID id, List<ImportWarning> warnings) {
		if (warnings.isEmpty()) {
			return;
		}
		int first = this.jdbc.sql("select warning_count from import_jobs where id = :id for update")
			.param("id", id)
			.query(Integer.class)
			.single();
		warnings(id, first, warnings);
		this.jdbc.sql("update import_jobs set warning_count = warning_count + :n where id = :id")
			.param("id", id)
			.param("n", warnings.size())
			.update();
	}

	List<ImportWarning> warnings(UUID id, int limit) {
		return this.jdbc.sql("""
				select line, original, message from import_warnings where job_id = :job order by seq limit :limit
				""")
			.param("job", id)
			.param("limit", limit)
			.query((rs, n) -> new ImportWarning(rs.getObject("line") == null ? null : rs.getLong("line"),
					rs.getString("original"), rs.getString("message")))
			.list();
	}

	/** A batch's links, kept until the job's end (a repeated link is kept once). */
	void links(UUID id, List<dev.fixpoint.bugs.BugImport.Link> links) {
		if (links.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into import_links (job_id, from_id, kind, target_key)
				select :job, u.from_id, u.kind, u.target_key
				from unnest(cast(:froms as text[]), cast(:kinds as text[]), cast(:targets as text[]))
				    as u(from_id, kind, target_key)
				on conflict do nothing
				""")
			.param("job", id)
			.param("froms", links.stream().map(dev.fixpoint.bugs.BugImport.Link::fromId).toArray(String[]::new))
			.param("kinds", links.stream().map(dev.fixpoint.bugs.BugImport.Link::kind).toArray(String[]::new))
			.param("targets", links.stream().map(dev.fixpoint.bugs.BugImport.Link::targetKey).toArray(String[]::new))
			.update();
	}

	List<dev.fixpoint.bugs.BugImport.Link> links(UUID id) {
		return this.jdbc.sql("select from_id, kind, target_key from import_links where job_id = :job")
			.param("job", id)
			.query((rs, n) -> new dev.fixpoint.bugs.BugImport.Link(rs.getString("from_id"), rs.getString("kind"),
					rs.getString("target_key")))
			.list();
	}

	void linked(UUID id, int links) {
		this.jdbc.sql("update import_jobs set links = :links where id = :id")
			.param("id", id)
			.param("links", links)
			.update();
		this.jdbc.sql("delete from import_links where job_id = :job").param("job", id).update();
	}

	/**
	 * A batch's attachments, to be downloaded at the job's end; one downloaded (or
	 * pending) before for the same issue and address is not asked for again, one that
	 * failed is.
	 */
	void attachments(UUID id, UUID projectId, String source, List<RowTranslator.Attachment> files) {
		if (files.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into import_attachments (project_id, source, from_id, url, filename, job_id)
				select :project, :source, u.from_id, u.url, u.filename, :job
				from unnest(cast(:froms as text[]), cast(:urls as text[]), cast(:names as text[]))
				    as u(from_id, url, filename)
				on conflict (project_id, source, from_id, url) do update
				    set job_id = excluded.job_id, state = 'pending', filename = excluded.filename
				    where import_attachments.state = 'failed'
				""")
			.param("project", projectId)
			.param("source", source)
			.param("job", id)
			.param("froms", files.stream().map(RowTranslator.Attachment::fromId).toArray(String[]::new))
			.param("urls", files.stream().map(RowTranslator.Attachment::url).toArray(String[]::new))
			.param("names", files.stream().map(RowTranslator.Attachment::filename).toArray(String[]::new))
			.update();
	}

	/** Up to {@code limit} attachments of the job still to download. */
	List<RowTranslator.Attachment> pendingAttachments(UUID id, int limit) {
		return this.jdbc.sql("""
				select from_id, url, filename from import_attachments where job_id = :job and state = 'pending'
				order by from_id, url limit :limit
				""")
			.param("job", id)
			.param("limit", limit)
			.query((rs, n) -> new RowTranslator.Attachment(rs.getString("from_id"), rs.getString("url"),
					rs.getString("filename")))
			.list();
	}

	void attachmentFetched(UUID id, RowTranslator.Attachment file, boolean done) {
		this.jdbc.sql("""
				update import_attachments set state = :state
				where job_id = :job and from_id = :from and url = :url
				""")
			.param("state", done ? "done" : "failed")
			.param("job", id)
			.param("from", file.fromId())
			.param("url", file.url())
			.update();
		if (done) {
			this.jdbc.sql("update import_jobs set attachments = attachments + 1 where id = :id")
				.param("id", id)
				.update();
		}
	}

	/** An undone import's attachments would be downloaded again by a later run. */
	void forgetAttachments(UUID id) {
		this.jdbc.sql("delete from import_attachments where job_id = :job").param("job", id).update();
	}

	/** Locks a job to undo it. */
	Optional<JobRow> lock(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from import_jobs where id = :id for update")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	void undone(UUID id) {
		this.jdbc.sql("update import_jobs set state = 'undone' where id = :id").param("id", id).update();
	}

	void finish(UUID id, ImportState state, String error, Instant now) {
		this.jdbc.sql("""
				update import_jobs set state = :state, error = :error, finished_at = :now, claimed_by = null
				where id = :id
				""")
			.param("id", id)
			.param("state", state.key())
			.param("error", error)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Asks a job to stop: a queued one stops at once, a running one after its batch.
	 * @return whether the job was still unfinished
	 */
	boolean requestCancel(UUID id, Instant now) {
		int queued = this.jdbc.sql("""
				update import_jobs set state = 'cancelled', cancel_requested = true, finished_at = :now
				where id = :id and state = 'queued'
				""").param("id", id).param("now", Timestamp.from(now)).update();
		int running = this.jdbc
			.sql("update import_jobs set cancel_requested = true where id = :id and state = 'running'")
			.param("id", id)
			.update();
		return queued + running > 0;
	}

	/**
	 * Hands a dry run's file to the job that runs it for real.
	 * @return whether there was a file
	 */
	boolean moveFile(UUID from, UUID to) {
		int moved = this.jdbc.sql("update import_job_chunks set job_id = :to where job_id = :from")
			.param("from", from)
			.param("to", to)
			.update();
		this.jdbc
			.sql("update import_jobs set size_bytes = (select size_bytes from import_jobs where id = :from) "
					+ "where id = :to")
			.param("from", from)
			.param("to", to)
			.update();
		return moved > 0;
	}

	/** The file (or an API's token) is not needed once a job has finished. */
	void dropFile(UUID id) {
		this.jdbc.sql("delete from import_job_chunks where job_id = :job").param("job", id).update();
		this.jdbc.sql("update import_jobs set secret = null where id = :id and secret is not null")
			.param("id", id)
			.update();
	}

	List<JobRow> recent(UUID projectId, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from import_jobs where project_id = :project order by created_at desc limit :limit")
			.param("project", projectId)
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	private JobRow row(ResultSet rs, int n) throws SQLException {
		String report = rs.getString("report");
		return new JobRow(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				rs.getObject("created_by", UUID.class), ImportSource.parse(rs.getString("source")).orElseThrow(),
				rs.getBoolean("dry_run"), this.json.readValue(rs.getString("mapping"), ImportMapping.class),
				rs.getString("filename"), rs.getLong("size_bytes"), rs.getString("charset"),
				ImportState.of(rs.getString("state")), (Integer) rs.getObject("total"), rs.getInt("processed"),
				rs.getInt("created"), rs.getInt("updated"), rs.getInt("skipped"), rs.getInt("warning_count"),
				report == null ? ImportReport.empty() : this.json.readValue(report, ImportReport.class),
				rs.getString("error"), rs.getBoolean("cancel_requested"), rs.getString("claimed_by"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")), rs.getInt("comments"), rs.getInt("links"),
				rs.getInt("attachments"));
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
