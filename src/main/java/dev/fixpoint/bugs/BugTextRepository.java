package dev.fixpoint.bugs;

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
		this.jdbc.sql("""
				insert into bug_texts_html (bug_id, source_hash, renderer, description, steps_to_reproduce,
				    expected_behavior, actual_behavior)
				values (:bug, :hash, :renderer, :description, :steps, :expected, :actual)
				on conflict (bug_id) do update set source_hash = excluded.source_hash, renderer = excluded.renderer,
				    description = excluded.description, steps_to_reproduce = excluded.steps_to_reproduce,
				    expected_behavior = excluded.expected_behavior, actual_behavior = excluded.actual_behavior
				""")
			.param("bug", bugId)
			.param("hash", sourceHash)
			.param("renderer", renderer)
			.param("description", html.description().html())
			.param("steps", html.stepsToReproduce().html())
			.param("expected", html.expectedBehavior().html())
			.param("actual", html.actualBehavior().html())
			.update();
	}

}
