package dev.fixpoint.triage;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.QueryPlans;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code triage_vectors} and {@code triage_backfill}. */
@Repository
class VectorRepository {

	/** Rows re-read below the last sequence number seen: writers still in flight. */
	static final int SEQ_OVERLAP = 256;

	private final JdbcClient jdbc;

	VectorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row of the index: the vector, or null when the bug's text was skipped. */
	record StoredVector(UUID bugId, byte[] vector, long seq) {
	}

	/** A bug to embed from the backfill queue. */
	record Pending(UUID bugId, UUID projectId) {
	}

	void save(UUID bugId, UUID projectId, String title, byte[] vector, String skipped, Instant at) {
		this.jdbc.sql("""
				insert into triage_vectors (bug_id, project_id, title, model, vector, skipped, embedded_at)
				values (:bug, :project, :title, :model, :vector, :skipped, :at)
				on conflict (bug_id) do update
				set title = excluded.title, model = excluded.model, vector = excluded.vector,
				    skipped = excluded.skipped, embedded_at = excluded.embedded_at,
				    seq = nextval('triage_vectors_seq')
				""")
			.param("bug", bugId)
			.param("project", projectId)
			.param("title", title)
			.param("model", SentenceEncoder.MODEL)
			.param("vector", vector)
			.param("skipped", skipped)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	/** The project's rows written after {@code seq} (less the overlap), in order. */
	List<StoredVector> since(UUID projectId, long seq) {
		return this.jdbc.sql("""
				select bug_id, vector, seq from triage_vectors
				where project_id = :project and seq > :seq
				order by seq
				""")
			.param("project", projectId)
			.param("seq", seq - SEQ_OVERLAP)
			.query((rs, n) -> new StoredVector(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getLong(3)))
			.list();
	}

	/** Which of these bugs still have a row (deleted bugs lose theirs). */
	java.util.Set<UUID> existing(Collection<UUID> bugIds) {
		if (bugIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(this.jdbc.sql("select bug_id from triage_vectors where bug_id in (:ids)")
			.param("ids", bugIds)
			.query(UUID.class)
			.list());
	}

	Optional<byte[]> vectorOf(UUID bugId) {
		return this.jdbc.sql("select vector from triage_vectors where bug_id = :bug and vector is not null")
			.param("bug", bugId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * Up to {@code limit} bugs of the project whose title shares words with {@code text}
	 * (trigram word similarity, pg_trgm), by that similarity.
	 */
	Map<UUID, Float> lexical(UUID projectId, String text, int limit) {
		this.jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', '0.3', true)")
			.query(String.class)
			.single();
		QueryPlans.customForTransaction(this.jdbc);
		Map<UUID, Float> out = new HashMap<>();
		this.jdbc.sql("""
				select bug_id, word_similarity(:q, title) as score from triage_vectors
				where project_id = :project and :q <% title
				order by score desc
				limit :limit
				""")
			.param("project", projectId)
			.param("q", text)
			.param("limit", limit)
			.query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getFloat(2)))
			.list();
		return out;
	}

	/** The trigram word similarity of {@code text} to each of these bugs' titles. */
	Map<UUID, Float> lexicalOf(Collection<UUID> bugIds, String text) {
		Map<UUID, Float> out = new HashMap<>();
		if (bugIds.isEmpty()) {
			return out;
		}
		this.jdbc.sql("""
				select bug_id, word_similarity(:q, title) from triage_vectors where bug_id in (:ids)
				""")
			.param("q", text)
			.param("ids", bugIds)
			.query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getFloat(2)))
			.list();
		return out;
	}

	/**
	 * Queues these bugs for the backfill job (an import's batch), their titles searchable
	 * by words at once; a bug already embedded keeps its vector until the job embeds it
	 * again. Reads {@code bugs} itself, as migration V41 did: one statement per batch
	 * instead of one per bug, and a bug deleted meanwhile (an undone import) is no row.
	 */
	void queue(Collection<UUID> bugIds, Instant at) {
		if (bugIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				with queued as (
				  insert into triage_backfill (bug_id, project_id)
				  select id, project_id from bugs where id in (:ids)
				  on conflict (bug_id) do nothing
				)
				insert into triage_vectors (bug_id, project_id, title, model, vector, skipped, embedded_at)
				select id, project_id, title, 'none', null, 'queued for embedding', :at from bugs where id in (:ids)
				on conflict (bug_id) do update set title = excluded.title, seq = nextval('triage_vectors_seq')
				""").param("ids", bugIds).param("at", java.sql.Timestamp.from(at)).update();
	}

	/** Claims up to {@code limit} queued bugs until the caller's transaction ends. */
	List<Pending> claimBackfill(int limit) {
		return this.jdbc.sql("""
				select bug_id, project_id from triage_backfill
				limit :limit
				for update skip locked
				""")
			.param("limit", limit)
			.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
	}

	void doneBackfill(UUID bugId) {
		this.jdbc.sql("delete from triage_backfill where bug_id = :bug").param("bug", bugId).update();
	}

	/** Bugs embedded, skipped, and still queued, in a project. */
	EmbeddingProgress progress(UUID projectId) {
		return this.jdbc.sql("""
				select count(*) filter (where v.vector is not null and q.bug_id is null),
				       count(*) filter (where v.vector is null and q.bug_id is null),
				       count(q.bug_id)
				from triage_vectors v left join triage_backfill q on q.bug_id = v.bug_id
				where v.project_id = :project
				""")
			.param("project", projectId)
			.query((rs, n) -> new EmbeddingProgress(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

}
