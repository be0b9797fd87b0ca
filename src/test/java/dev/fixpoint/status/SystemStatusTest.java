package dev.fixpoint.status;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The system status page and API: site admins only, with real figures. */
class SystemStatusTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void siteAdminsSeeHowTheInstallationIsDoing() {
		TestUser admin = this.api.newUser("Admin");
		this.jdbc.sql("update users set is_site_admin = true where id = :id").param("id", admin.id()).update();
		TestUser bob = this.api.newUser("Bob");
		this.jdbc.sql("""
				insert into backup_runs (id, finished_at, archive, bytes, rows)
				values (:id, :at, '/backups/fixpoint-status-test.backup', 123456, 789)
				""")
			.param("id", UUID.randomUUID())
			.param("at", Timestamp.from(this.clock.instant().plusSeconds(3600)))
			.update();

		assertThat(this.api.get("/api/admin/status", bob.token()).status()).isEqualTo(403);
		assertThat(BrowserSession.signedIn(baseUrl(), this.api, bob).get("/admin/status").status()).isEqualTo(403);

		Api.Response status = this.api.get("/api/admin/status", admin.token());
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body().get("database_bytes").asLong()).isPositive();
		assertThat(status.body().get("database_version").asString()).isNotBlank();
		assertThat(status.body().get("version").asString()).isNotBlank();
		assertThat(status.body().get("people").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(status.body().get("outbox_backlog").isNull()).isFalse();
		assertThat(status.body().get("email_backlog").isNull()).isFalse();
		assertThat(status.body().get("last_backup").get("archive").asString())
			.isEqualTo("/backups/fixpoint-status-test.backup");
		assertThat(status.body().get("nodes")).isNotEmpty();

		String page = BrowserSession.signedIn(baseUrl(), this.api, admin).get("/admin/status").body();
		assertThat(page).contains("fixpoint-status-test.backup").contains("Outbox backlog").contains("PostgreSQL");
		this.jdbc.sql("delete from backup_runs where archive = '/backups/fixpoint-status-test.backup'").update();
	}

}
