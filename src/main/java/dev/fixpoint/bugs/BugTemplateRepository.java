package dev.fixpoint.bugs;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code bug_templates}. */
@Repository
class BugTemplateRepository {

	private final JdbcClient jdbc;

	BugTemplateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<BugTemplate> list(UUID projectId) {
		return this.jdbc.sql("select * from bug_templates where project_id = :project order by position, lower(name)")
			.param("project", projectId)
			.query(BugTemplateRepository::map)
			.list();
	}

	Optional<BugTemplate> find(UUID id) {
		return this.jdbc.sql("select * from bug_templates where id = :id")
			.param("id", id)
			.query(BugTemplateRepository::map)
			.optional();
	}

	Optional<BugTemplate> findByName(UUID projectId, String name) {
		return this.jdbc.sql("select * from bug_templates where project_id = :project and lower(name) = lower(:name)")
			.param("project", projectId)
			.param("name", name.strip())
			.query(BugTemplateRepository::map)
			.optional();
	}

	boolean nameTaken(UUID projectId, String name, UUID except) {
		return this.jdbc.sql("""
				select exists (select 1 from bug_templates where project_id = :project and lower(name) = lower(:name)
				    and id is distinct from :except)
				""")
			.param("project", projectId)
			.param("name", name)
			.param("except", except)
			.query(Boolean.class)
			.single();
	}

	void save(BugTemplate t, Instant at) {
		this.jdbc.sql("""
				insert into bug_templates (id, project_id, name, description, steps, required_fields, default_severity,
				    position, created_at, updated_at)
				values (:id, :project, :name, :description, :steps, cast(:required as text[]), :severity, :position,
				    :at, :at)
				on conflict (id) do update set name = excluded.name, description = excluded.description,
				    steps = excluded.steps, required_fields = excluded.required_fields,
				    default_severity = excluded.default_severity, position = excluded.position, updated_at = :at
				""")
			.param("id", t.id())
			.param("project", t.projectId())
			.param("name", t.name())
			.param("description", t.description())
			.param("steps", t.stepsToReproduce())
			.param("required", t.requiredFields().toArray(String[]::new))
			.param("severity", t.defaultSeverity() == null ? null : t.defaultSeverity().key())
			.param("position", t.position())
			.param("at", Timestamp.from(at))
			.update();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from bug_templates where id = :id").param("id", id).update();
	}

	private static BugTemplate map(ResultSet rs, int n) throws SQLException {
		Array required = rs.getArray("required_fields");
		String severity = rs.getString("default_severity");
		return new BugTemplate(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				rs.getString("name"), rs.getString("description"), rs.getString("steps"),
				List.of((String[]) required.getArray()),
				severity == null ? null : Severity.parse(severity).orElse(null), rs.getInt("position"));
	}

}
