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
			boolean cancelRequested, String claimedBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
	}

	private static final String COLUMNS = """
			id, project_id, created_by, source, dry_run, mapping, filename, size_bytes, charset, state, total,
			processed, created, updated, skipped, warning_count, report, error, cancel_requested, claimed_by,
			created_at, started_at, finished_at
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

	/** Locks the job for one batch: it must still be this node's and running. */
	Optional<JobRow> lockOwned(UUID id, String node) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from import_jobs where id = :id and claimed_by = :node and state = 'running' for update")
			.param("id", id)
			.param("node", node)
			.query(this::row)
			.optional();
	}

	/**
	 * Claims the oldest queued job, or a running one whose node stopped beating: once
	 * across nodes ({@code SKIP LOCKED}; the update makes it this node's).
	 */
	Optional<UUID> claim(String node, Instant now, Instant staleBefore) {
		return this.jdbc.sql("""
				update import_jobs set state = 'running', claimed_by = :node, heartbeat_at = :now,
				    started_at = coalesce(started_at, :now)
				where id = (
				    select id from import_jobs
				    where state = 'queued' or (state = 'running' and heartbeat_at < :stale)
				    order by created_at
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
	void progress(UUID id, int rows, int created, int updated, int skipped, int warnings, ImportReport report,
			Instant now) {
		this.jdbc
			.sql("""
					update import_jobs set processed = processed + :rows, created = created + :created,
					    updated = updated + :updated, skipped = skipped + :skipped, warning_count = warning_count + :warnings,
					    report = cast(:report as jsonb), heartbeat_at = :now
					where id = :id
					""")
			.param("id", id)
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

	/** The file is not needed once a job has finished. */
	void dropFile(UUID id) {
		this.jdbc.sql("delete from import_job_chunks where job_id = :job").param("job", id).update();
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
				instant(rs.getTimestamp("finished_at")));
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
