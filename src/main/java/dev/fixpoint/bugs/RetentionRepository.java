package dev.fixpoint.bugs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The closed bugs a retention policy reaches, walked with a keyset on
 * {@code (closed_at, id)} ({@code bugs_project_closed_idx}, V44).
 */
@Repository
class RetentionRepository {

	/** Where the walk is: the last bug handled (null: from the oldest). */
	record Position(Instant closedAt, UUID id) {
	}

	record Due(UUID id, Instant closedAt) {
	}

	/** A bug's texts, to anonymise. */
	record Texts(UUID id, String title, String description, String steps, String expected, String actual) {
	}

	private final JdbcClient jdbc;

	RetentionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean tryClaim() {
		return Boolean.TRUE
			.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('bug-retention', 19))")
				.query(Boolean.class)
				.single());
	}

	long countDue(UUID projectId, Instant cutoff, boolean anonymise) {
		return this.jdbc.sql("""
				select count(*) from bugs
				where project_id = :project and closed_at is not null and closed_at < :cutoff
				  and (not :anonymise or anonymised_at is null)
				""")
			.param("project", projectId)
			.param("cutoff", Timestamp.from(cutoff))
			.param("anonymise", anonymise)
			.query(Long.class)
			.single();
	}

	/** The next closed bugs after {@code after}, locked (others' locked ones skipped). */
	List<Due> nextDue(UUID projectId, Instant cutoff, boolean anonymise, Position after, int limit) {
		return this.jdbc.sql("""
				select id, closed_at from bugs
				where project_id = :project and closed_at is not null and closed_at < :cutoff
				  and (not :anonymise or anonymised_at is null)
				  and (cast(:afterAt as timestamptz) is null or (closed_at, id) > (:afterAt, :afterId))
				order by closed_at, id
				limit :limit
				for update skip locked
				""")
			.param("project", projectId)
			.param("cutoff", Timestamp.from(cutoff))
			.param("anonymise", anonymise)
			.param("afterAt", after == null ? null : Timestamp.from(after.closedAt()))
			.param("afterId", after == null ? null : after.id())
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getTimestamp("closed_at").toInstant()))
			.list();
	}

	int delete(List<UUID> ids) {
		return this.jdbc.sql("delete from bugs where id = any(:ids)").param("ids", ids.toArray(UUID[]::new)).update();
	}

	List<Texts> texts(List<UUID> ids) {
		return this.jdbc.sql("""
				select id, title, description, steps_to_reproduce, expected_behavior, actual_behavior
				from bugs where id = any(:ids)
				""")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> new Texts(rs.getObject("id", UUID.class), rs.getString("title"),
					rs.getString("description"), rs.getString("steps_to_reproduce"), rs.getString("expected_behavior"),
					rs.getString("actual_behavior")))
			.list();
	}

	/**
	 * The bug's people become {@code anonymous}, its texts the anonymised ones; its
	 * rendered texts are dropped (rendered again on the next view).
	 */
	void anonymise(Texts texts, UUID anonymous, Instant now) {
		this.jdbc.sql("""
				update bugs set reporter_id = :anonymous,
				    assignee_id = case when assignee_id is null then null else :anonymous end,
				    verified_by = case when verified_by is null then null else :anonymous end,
				    title = :title, description = :description, steps_to_reproduce = :steps,
				    expected_behavior = :expected, actual_behavior = :actual,
				    anonymised_at = :now, version = version + 1
				where id = :id
				""")
			.param("id", texts.id())
			.param("anonymous", anonymous)
			.param("title", texts.title())
			.param("description", texts.description())
			.param("steps", texts.steps())
			.param("expected", texts.expected())
			.param("actual", texts.actual())
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * History names the anonymous actor instead of people (who changed, and who was
	 * assigned).
	 */
	void anonymiseHistory(List<UUID> ids, UUID anonymous) {
		UUID[] bugs = ids.toArray(UUID[]::new);
		this.jdbc.sql("""
				update bug_history set user_id = :anonymous
				where bug_id = any(:ids) and user_id is not null
				  and user_id in (select id from users where kind = 'person')
				""").param("ids", bugs).param("anonymous", anonymous).update();
		this.jdbc.sql("""
				update bug_history set
				    old_value = case when old_value is null then null else cast(:anonymous as text) end,
				    new_value = case when new_value is null then null else cast(:anonymous as text) end
				where bug_id = any(:ids) and field in ('assignee', 'verified_by', 'reporter')
				""").param("ids", bugs).param("anonymous", anonymous).update();
		this.jdbc.sql("""
				update bug_history set
				    old_value = regexp_replace(regexp_replace(old_value, :email, '[email removed]', 'g'),
				                               :mention, '\\1@anonymous', 'g'),
				    new_value = regexp_replace(regexp_replace(new_value, :email, '[email removed]', 'g'),
				                               :mention, '\\1@anonymous', 'g')
				where bug_id = any(:ids) and field not in ('assignee', 'verified_by', 'reporter')
				  and (old_value like '%@%' or new_value like '%@%')
				""")
			.param("ids", bugs)
			.param("email", "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")
			.param("mention", "(^|[^A-Za-z0-9_.@-])@[A-Za-z0-9_][A-Za-z0-9_.-]*")
			.update();
		this.jdbc.sql("delete from bug_texts_html where bug_id = any(:ids)").param("ids", bugs).update();
	}

}
