package dev.fixpoint.accounts;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installation's audit log for site admins: security events of everyone (sign-ins,
 * failures, tokens, roles, settings), filtered and paged by keyset, exported as CSV.
 */
class InstanceAuditLogTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void siteAdminsReadAndExportEveryonesSecurityEvents() {
		TestUser admin = this.api.newUser("Admin");
		this.jdbc.sql("update users set is_site_admin = true where id = :id").param("id", admin.id()).update();
		TestUser bob = this.api.newUser("Bob");
		// an address of its own: a failed password counts against the client address
		Map<String, String> own = Map.of("X-Forwarded-For", "10.23." + (int) (Math.random() * 250) + ".9");
		this.api.send("POST", "/api/auth/login", null, Map.of("email", bob.email(), "password", "not-the-password"),
				own);
		this.api.send("POST", "/api/auth/login", null, Map.of("email", bob.email(), "password", Api.PASSWORD), own);
		String tokenId = this.api.post("/api/me/tokens", bob.token(), Map.of("name", "ci"))
			.body()
			.get("info")
			.get("id")
			.asString();
		this.api.delete("/api/me/tokens/" + tokenId, bob.token());

		assertThat(this.api.get("/api/admin/audit-log", bob.token()).status()).isEqualTo(403);
		Api.Response bobs = this.api.get("/api/admin/audit-log?actor=" + bob.username(), admin.token());
		assertThat(bobs.status()).isEqualTo(200);
		java.util.List<String> actions = new java.util.ArrayList<>();
		bobs.body().get("items").forEach(e -> actions.add(e.get("action").asString()));
		assertThat(actions).contains("auth.signed_in", "token.created", "token.revoked", "account.signed_up");
		Api.Response failures = this.api.get("/api/admin/audit-log?action=auth.sign_in_failed&limit=1", admin.token());
		assertThat(failures.body().get("items")).singleElement()
			.satisfies(e -> assertThat(e.get("action").asString()).isEqualTo("auth.sign_in_failed"));

		Api.Response first = this.api.get("/api/admin/audit-log?actor=" + bob.username() + "&limit=2", admin.token());
		String cursor = first.body().get("next_cursor").asString();
		Api.Response second = this.api.get("/api/admin/audit-log?actor=" + bob.username() + "&limit=2&cursor=" + cursor,
				admin.token());
		JsonNode a = first.body().get("items");
		JsonNode b = second.body().get("items");
		assertThat(b).isNotEmpty();
		assertThat(b.get(0).get("created_at").asString()).isLessThanOrEqualTo(a.get(1).get("created_at").asString());
		assertThat(b.get(0).get("id").asString()).isNotEqualTo(a.get(1).get("id").asString());

		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, admin);
		assertThat(browser.get("/admin/audit-log?actor=" + bob.username()).body()).contains("token.revoked");
		BrowserSession.Page csv = browser.get("/admin/audit-log/export.csv?action=token.");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("content-type")).startsWith("text/csv");
		assertThat(csv.body()).contains("token.created").contains(bob.username()).doesNotContain("auth.signed_in");
		assertThat(BrowserSession.signedIn(baseUrl(), this.api, bob).get("/admin/audit-log").status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from audit_events where actor_id = :u and action = 'audit.exported'")
			.param("u", admin.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
