package dev.fixpoint.triage;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.bugs.FiledBugRows;
import dev.fixpoint.platform.QueryPlans;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code triage_vectors}: a row per bug, its vector by {@link SentenceEncoder#MODEL}, or
 * its title only under {@link #NOT_EMBEDDED} while it waits for the embedding backfill.
 */
@Repository
class VectorRepository {

	/** The model of a row whose report is still to embed (its title is there). */
	static final String NOT_EMBEDDED = "none";

	static final String QUEUED = "queued for embedding";

	/** Rows re-read below the last sequence number seen: writers still in flight. */
	static final int SEQ_OVERLAP = 256;

	private final JdbcClient jdbc;

	VectorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row of the index: the vector, or null when the bug's text was skipped. */
	record StoredVector(UUID bugId, byte[] vector, long seq) {
	}

	/** A bug to embed, from the embedding backfill. */
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

	/**
	 * The title of a bug whose report is not embedded (the model is off on this node):
	 * words find it, the backfill embeds it once a node runs the model. A vector already
	 * stored stays until then.
	 */
	void saveTitle(UUID bugId, UUID projectId, String title, Instant at) {
		queuedTitles("values (:bug, :project, :title, :model, null, :skipped, :at)", "", at).param("bug", bugId)
			.param("project", projectId)
			.param("title", title)
			.update();
	}

	/**
	 * {@link #saveTitle} for a bug being filed, as a CTE of the bug's insert statement
	 * ({@link FiledBugRows}): the title and project as the filing writes them (from
	 * {@code bug}; the statement that writes a row cannot read it from {@code bugs}).
	 */
	static FiledBugRows.Rows titleWithBug(Instant at) {
		return new FiledBugRows.Rows("""
				triage_title as (
				    insert into triage_vectors (bug_id, project_id, title, model, vector, skipped, embedded_at)
				    select bug.id, bug.project_id, bug.title, :triage_model, null, :triage_skipped, :triage_at from bug
				)""", Map.of("triage_model", NOT_EMBEDDED, "triage_skipped", QUEUED, "triage_at",
				java.sql.Timestamp.from(at)));
	}

	/**
	 * The upsert of title rows queued for embedding, from {@code source} (a
	 * {@code values} or a {@code select} of bug id, project, title and the parameters
	 * {@code :model}, {@code :skipped}, {@code :at}, which it binds): a new title of a
	 * bug queues it again ({@code seq}: the nodes' indexes see the change), unless
	 * {@code condition} (an {@code on conflict} {@code where}, or empty) keeps the
	 * existing row. Both fragments are this class's constants, never input.
	 */
	private JdbcClient.StatementSpec queuedTitles(String source, String condition, Instant at) {
		return this.jdbc.sql("""
				insert into triage_vectors (bug_id, project_id, title, model, vector, skipped, embedded_at)
				%s
				on conflict (bug_id) do update
				set title = excluded.title, model = excluded.model, seq = nextval('triage_vectors_seq')
				%s
				""".formatted(source, condition))
			.param("model", NOT_EMBEDDED)
			.param("skipped", QUEUED)
			.param("at", java.sql.Timestamp.from(at));
	}

	/** Up to {@code limit} of the project's rows written after {@code seq}, in order. */
	List<StoredVector> since(UUID projectId, long seq, int limit) {
		return this.jdbc.sql("""
				select bug_id, vector, seq from triage_vectors
				where project_id = :project and seq > :seq
				order by seq
				limit :limit
				""")
			.param("project", projectId)
			.param("seq", seq)
			.param("limit", limit)
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
	 * (trigram word similarity, pg_trgm) at least {@code threshold}, by that similarity.
	 */
	Map<UUID, Float> lexical(UUID projectId, String text, int limit, double threshold) {
		this.jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :value, true)")
			.param("value", String.valueOf(threshold))
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

	/** The trigram word similarity of {@code text} to each of these titles, in order. */
	float[] wordSimilarity(String text, List<String> titles) {
		float[] out = new float[titles.size()];
		this.jdbc.sql("""
				select n, word_similarity(:q, t) from unnest(cast(:titles as text[])) with ordinality as x(t, n)
				""")
			.param("q", text)
			.param("titles", titles.toArray(String[]::new))
			.query((rs, row) -> out[(int) rs.getLong(1) - 1] = rs.getFloat(2))
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
	 * The titles of an imported batch, their reports marked as not embedded (one
	 * statement per batch instead of one per bug; reads {@code bugs} itself, so a bug
	 * deleted meanwhile, an undone import, is no row). A report the slow lane already
	 * embedded (it may run first) stays as it is.
	 */
	void queue(Collection<UUID> bugIds, Instant at) {
		if (bugIds.isEmpty()) {
			return;
		}
		queuedTitles("select id, project_id, title, :model, null, :skipped, :at from bugs where id in (:ids)",
				"where triage_vectors.model <> :current", at)
			.param("ids", bugIds)
			.param("current", SentenceEncoder.MODEL)
			.update();
	}

	/**
	 * Gives up to {@code limit} bugs after {@code after} (null: from the first) in id
	 * order that have no row at all (written straight into the database, e.g. by a data
	 * generator) a row with their title, not embedded: words find them, the backfill
	 * embeds them. How many it gave one.
	 */
	int queueMissing(UUID after, int limit, Instant at) {
		// with none missing (the usual case) this reads both primary keys to their end
		// once a
		// walk: in one merge anti-join on one core (1,000,000 bugs: 0.8 s at load 28),
		// not in
		// a parallel hash join on every core (1.2 s on each of three)
		this.jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true)").query(String.class).single();
		return this.jdbc.sql("""
				insert into triage_vectors (bug_id, project_id, title, model, vector, skipped, embedded_at)
				select b.id, b.project_id, b.title, :model, null, :skipped, :at
				from bugs b
				where b.id > coalesce(cast(:after as uuid), '00000000-0000-0000-0000-000000000000')
				  and not exists (select from triage_vectors v where v.bug_id = b.id)
				order by b.id
				limit :limit
				on conflict (bug_id) do nothing
				""")
			.param("after", after)
			.param("limit", limit)
			.param("model", NOT_EMBEDDED)
			.param("skipped", QUEUED)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	/**
	 * Which of these bugs are not embedded by the current model yet (their row queued,
	 * outdated or not written yet).
	 */
	List<UUID> outdated(List<UUID> bugIds) {
		if (bugIds.isEmpty()) {
			return List.of();
		}
		java.util.Set<UUID> embedded = new java.util.HashSet<>(
				this.jdbc.sql("select bug_id from triage_vectors where bug_id in (:ids) and model = :model")
					.param("ids", bugIds)
					.param("model", SentenceEncoder.MODEL)
					.query(UUID.class)
					.list());
		return bugIds.stream().filter(id -> !embedded.contains(id)).toList();
	}

	/**
	 * Claims, until the caller's transaction ends, up to {@code limit} bugs after
	 * {@code after} (null: from the first) in id order whose report is not embedded by
	 * the current model: those from before migration V41, filed while the model was off,
	 * queued by {@link #queueMissing}, or embedded by an older model. Rows another node
	 * holds are skipped.
	 */
	List<Pending> claimOutdated(UUID after, int limit) {
		// a plan for the model's value: the partial index of V46 matches only then
		QueryPlans.customForTransaction(this.jdbc);
		return this.jdbc.sql("""
				select bug_id, project_id from triage_vectors
				where bug_id > coalesce(cast(:after as uuid), '00000000-0000-0000-0000-000000000000')
				  and model <> :model
				order by bug_id
				limit :limit
				for update skip locked
				""")
			.param("after", after)
			.param("model", SentenceEncoder.MODEL)
			.param("limit", limit)
			.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
	}

	/**
	 * Bugs embedded, skipped (no text to embed) and still to embed by the current model,
	 * in a project.
	 */
	EmbeddingProgress progress(UUID projectId) {
		return this.jdbc.sql("""
				select count(*) filter (where model = :model and vector is not null),
				       count(*) filter (where model = :model and vector is null),
				       count(*) filter (where model <> :model)
				from triage_vectors
				where project_id = :project
				""")
			.param("project", projectId)
			.param("model", SentenceEncoder.MODEL)
			.query((rs, n) -> new EmbeddingProgress(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

}
