package dev.fixpoint.bugs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.SafeHtml;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A bug's report as sanitized HTML ({@code bug_texts_html}), kept with what it was made
 * from: the hash of the four texts and the renderer's version.
 */
@Repository
class BugTextRepository {

	private final JdbcClient jdbc;

	BugTextRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored rendering, if it was made from these texts by this renderer. */
	Optional<RenderedReport> find(UUID bugId, byte[] sourceHash, int renderer) {
		return this.jdbc.sql("""
				select description, steps_to_reproduce, expected_behavior, actual_behavior from bug_texts_html
				where bug_id = :bug and source_hash = :hash and renderer = :renderer
				""")
			.param("bug", bugId)
			.param("hash", sourceHash)
			.param("renderer", renderer)
			.query((rs, n) -> new RenderedReport(new SafeHtml(rs.getString(1)), new SafeHtml(rs.getString(2)),
					new SafeHtml(rs.getString(3)), new SafeHtml(rs.getString(4))))
			.optional();
	}

	/**
	 * Stores a rendering; two nodes rendering the same texts at once store the same HTML.
	 */
	void save(UUID bugId, byte[] sourceHash, int renderer, RenderedReport html) {
		save(bugId, sourceHash, renderer, html, "");
	}

	/**
	 * Stores a rendering unless the stored one is by this renderer already (the
	 * backfill's: an edit may have rendered the new texts since the batch read them).
	 */
	void saveIfOutdated(UUID bugId, byte[] sourceHash, int renderer, RenderedReport html) {
		save(bugId, sourceHash, renderer, html, " where bug_texts_html.renderer < excluded.renderer");
	}

	private void save(UUID bugId, byte[] sourceHash, int renderer, RenderedReport html, String condition) {
		this.jdbc.sql("""
				insert into bug_texts_html (bug_id, source_hash, renderer, description, steps_to_reproduce,
				    expected_behavior, actual_behavior)
				values (:bug, :hash, :renderer, :description, :steps, :expected, :actual)
				on conflict (bug_id) do update set source_hash = excluded.source_hash, renderer = excluded.renderer,
				    description = excluded.description, steps_to_reproduce = excluded.steps_to_reproduce,
				    expected_behavior = excluded.expected_behavior, actual_behavior = excluded.actual_behavior
				""" + condition)
			.param("bug", bugId)
			.param("hash", sourceHash)
			.param("renderer", renderer)
			.param("description", html.description().html())
			.param("steps", html.stepsToReproduce().html())
			.param("expected", html.expectedBehavior().html())
			.param("actual", html.actualBehavior().html())
			.update();
	}

	/** The project a bug belongs to, as markdown links need it. */
	record ProjectOf(UUID id, UUID orgId, String key) {
	}

	Optional<ProjectOf> findProjectOf(UUID bugId) {
		return this.jdbc.sql("""
				select p.id, p.org_id, p.key from bugs b join projects p on p.id = b.project_id where b.id = :bug
				""").param("bug", bugId).query(ProjectOf.class).optional();
	}

	/** A bug whose report has no stored rendering by the current renderer. */
	record Outdated(UUID id, ProjectOf project, String description, String stepsToReproduce, String expectedBehavior,
			String actualBehavior) {
	}

	/**
	 * The next bugs after {@code after} (by id; null: from the first) without a stored
	 * rendering by {@code renderer}: a walk along the primary key, so each batch starts
	 * where the last one ended instead of scanning the done ones again.
	 */
	List<Outdated> findOutdated(UUID after, int renderer, int limit) {
		return this.jdbc.sql("""
				select b.id, p.id as project_id, p.org_id, p.key, b.description, b.steps_to_reproduce,
				    b.expected_behavior, b.actual_behavior
				from bugs b join projects p on p.id = b.project_id
				where (cast(:after as uuid) is null or b.id > :after)
				  and not exists (select 1 from bug_texts_html h where h.bug_id = b.id and h.renderer >= :renderer)
				order by b.id
				limit :limit
				""")
			.param("after", after)
			.param("renderer", renderer)
			.param("limit", limit)
			.query((rs, n) -> new Outdated(rs.getObject("id", UUID.class),
					new ProjectOf(rs.getObject("project_id", UUID.class), rs.getObject("org_id", UUID.class),
							rs.getString("key")),
					rs.getString("description"), rs.getString("steps_to_reproduce"), rs.getString("expected_behavior"),
					rs.getString("actual_behavior")))
			.list();
	}

	/**
	 * Whether this transaction is the one (of all nodes) that renders the next batch;
	 * held until it ends.
	 */
	boolean claimBackfill() {
		return Boolean.TRUE
			.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('bug-texts-backfill', 7))")
				.query(Boolean.class)
				.single());
	}

}
