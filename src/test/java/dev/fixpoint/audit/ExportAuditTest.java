package dev.fixpoint.audit;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every export is in the audit log before its first byte: the bug list's CSV (API and
 * page), a project's and an organization's analytics (CSV, PDF), the audit log's CSV and
 * a person's data. A refused export (bad filter) records nothing.
 */
class ExportAuditTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	record Entry(String action, UUID orgId, String targetType, String targetName, String ip, String userAgent,
			String after) {
	}

	@Test
	void everyExportWritesAnEntry() {
		TestUser admin = this.api.newUser("exportaudit");
		String project = this.api.newProject(admin).get("key").asString();
		String org = this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
		this.api.newBug(admin, project, "Exported bug", "critical");

		assertThat(this.api.get("/api/projects/" + project + "/bugs/export.csv?severity=huge", admin.token()).status())
			.as("a refused export")
			.isEqualTo(400);
		assertThat(
				this.api.get("/api/projects/" + project + "/bugs/export.csv?severity=critical", admin.token()).status())
			.isEqualTo(200);
		assertThat(BrowserSession.signedIn(baseUrl(), this.api, admin)
			.get("/p/" + project + "/bugs/export.csv?severity=high")
			.status()).isEqualTo(200);
		assertThat(this.api.get("/api/projects/" + project + "/analytics/export.csv", admin.token()).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/projects/" + project + "/analytics/export.pdf", admin.token()).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/orgs/" + org + "/analytics/export.csv", admin.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/orgs/" + org + "/audit-log/export.csv", admin.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/me/export", admin.token()).status()).isEqualTo(200);

		List<Entry> entries = this.jdbc.sql("""
				select action, org_id, target_type, target_name, ip, user_agent, after::text as after from audit_events
				where actor_id = :actor and (action like '%exported') order by created_at, id
				""").param("actor", admin.id()).query(Entry.class).list();
		assertThat(entries).extracting(Entry::action)
			.containsExactly("project.bugs_exported", "project.bugs_exported", "project.analytics_exported",
					"project.analytics_exported", "org.analytics_exported", "audit.exported", "account.data_exported");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.ip()).isNotBlank();
			assertThat(e.userAgent()).isNotBlank();
		});
		assertThat(entries.subList(0, 5)).allSatisfy(e -> assertThat(e.orgId()).isNotNull());
		assertThat(entries.get(0).targetName()).isEqualTo(project);
		assertThat(entries.get(0).after()).contains("\"format\": \"csv\"").contains("severity=critical");
		assertThat(entries.get(1).after()).contains("severity=high");
		assertThat(entries.get(2).after()).contains("\"format\": \"csv\"");
		assertThat(entries.get(3).after()).contains("\"format\": \"pdf\"");
		assertThat(entries.get(4).targetType()).isEqualTo("organization");
		assertThat(entries.get(4).targetName()).isEqualTo(org);
	}

}
