package dev.fixpoint.triage;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code triage_settings}: no row = all on. */
@Repository
class SettingsRepository {

	private final JdbcClient jdbc;

	SettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	TriageSettings of(UUID projectId) {
		return this.jdbc.sql("""
				select duplicates, severity, priority, assignee from triage_settings where project_id = :project
				""").param("project", projectId).query(TriageSettings.class).optional().orElse(TriageSettings.ALL_ON);
	}

	void save(UUID projectId, TriageSettings settings) {
		this.jdbc.sql("""
				insert into triage_settings (project_id, duplicates, severity, priority, assignee)
				values (:project, :duplicates, :severity, :priority, :assignee)
				on conflict (project_id) do update
				set duplicates = excluded.duplicates, severity = excluded.severity,
				    priority = excluded.priority, assignee = excluded.assignee
				""")
			.param("project", projectId)
			.param("duplicates", settings.duplicates())
			.param("severity", settings.severity())
			.param("priority", settings.priority())
			.param("assignee", settings.assignee())
			.update();
	}

}
