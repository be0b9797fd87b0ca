package dev.fixpoint.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code triage_feedback}: what people did with the suggestions. */
@Repository
class FeedbackRepository {

	private final JdbcClient jdbc;

	FeedbackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(UUID projectId, UUID bugId, UUID userId, Feedback feedback, Instant at) {
		this.jdbc.sql("""
				insert into triage_feedback (project_id, bug_id, user_id, kind, value, decision, created_at)
				values (:project, :bug, :user, :kind, :value, :decision, :at)
				""")
			.param("project", projectId)
			.param("bug", bugId)
			.param("user", userId)
			.param("kind", feedback.kind().json())
			.param("value", feedback.value())
			.param("decision", feedback.decision().json())
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	/** The values of this kind already decided on for the bug (not suggested again). */
	List<String> decided(UUID bugId, Feedback.Kind kind) {
		return this.jdbc.sql("select value from triage_feedback where bug_id = :bug and kind = :kind")
			.param("bug", bugId)
			.param("kind", kind.json())
			.query(String.class)
			.list();
	}

	/** Accepted and dismissed suggestions per kind in a project. */
	List<AcceptanceRate> rates(UUID projectId) {
		return this.jdbc.sql("""
				select kind,
				       count(*) filter (where decision = 'accepted') as accepted,
				       count(*) filter (where decision = 'dismissed') as dismissed
				from triage_feedback where project_id = :project
				group by kind order by kind
				""")
			.param("project", projectId)
			.query((rs, n) -> new AcceptanceRate(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

}
