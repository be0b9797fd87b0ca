package dev.fixpoint.bugs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.fixpoint.accounts.Mentions;
import dev.fixpoint.accounts.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bugs a person reported, for their data export; on deletion their {@code @mentions}
 * in bug reports become the new name (the bugs stay: the team needs them).
 */
@Component
@Order(10)
class BugPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	BugPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "bugs-reported";
	}

	@Override
	public void export(UUID userId, Consumer<Object> item) {
		try (Stream<Map<String, Object>> rows = this.jdbc.sql("""
				select p.key || '-' || b.number as key, b.title, b.description, b.steps_to_reproduce,
				    b.expected_behavior, b.actual_behavior, b.severity, b.priority, b.status, b.created_at
				from bugs b join projects p on p.id = b.project_id
				where b.reporter_id = :user order by b.created_at, b.id
				""").param("user", userId).query((rs, n) -> {
			Map<String, Object> bug = new LinkedHashMap<>();
			bug.put("key", rs.getString("key"));
			bug.put("title", rs.getString("title"));
			bug.put("description", rs.getString("description"));
			bug.put("steps_to_reproduce", rs.getString("steps_to_reproduce"));
			bug.put("expected_behavior", rs.getString("expected_behavior"));
			bug.put("actual_behavior", rs.getString("actual_behavior"));
			bug.put("severity", rs.getString("severity"));
			bug.put("priority", rs.getString("priority"));
			bug.put("status", rs.getString("status"));
			bug.put("created_at", rs.getTimestamp("created_at").toInstant());
			return bug;
		}).stream()) {
			rows.forEach(item);
		}
	}

	@Override
	public void erase(Erasure erasure) {
		// rendered reports that name them are rendered again on their next view
		this.jdbc.sql("""
				delete from bug_texts_html where description ~* :pattern or steps_to_reproduce ~* :pattern
				    or expected_behavior ~* :pattern or actual_behavior ~* :pattern
				""").param("pattern", Mentions.pattern(erasure.username())).update();
		this.jdbc.sql("""
				update bugs set description = regexp_replace(description, :pattern, :replacement, 'gi'),
				    steps_to_reproduce = regexp_replace(steps_to_reproduce, :pattern, :replacement, 'gi'),
				    expected_behavior = regexp_replace(expected_behavior, :pattern, :replacement, 'gi'),
				    actual_behavior = regexp_replace(actual_behavior, :pattern, :replacement, 'gi')
				where description ~* :pattern or steps_to_reproduce ~* :pattern or expected_behavior ~* :pattern
				   or actual_behavior ~* :pattern
				""")
			.param("pattern", Mentions.pattern(erasure.username()))
			.param("replacement", Mentions.replacement(erasure.newUsername()))
			.update();
	}

}
