package dev.fixpoint.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Second factors and single sign-on in the audit log: turning TOTP on and off, new
 * recovery codes, a wrong code and a recovery code at sign-in, how each sign-in was made,
 * an organization's 2FA rule and its single sign-on settings (never the client secret),
 * and a site admin's reset of someone's second factors.
 */
class SecondFactorAuditTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everySecondFactorChangeAndSignInIsRecorded() {
		TestUser ann = this.api.newUser("Audited");
		String secret = this.api.post("/api/me/2fa/totp", ann.token(), null).body().get("secret").asString();
		List<String> codes = codes(
				this.api.post("/api/me/2fa/totp/confirm", ann.token(), Map.of("code", TotpCodes.at(secret, now()))));
		assertThat(login(ann, "000000").status()).isEqualTo(401);
		assertThat(login(ann, codes.get(0)).status()).isEqualTo(200);
		this.clock.advance(TotpCodes.step());
		List<String> fresh = codes(
				this.api.post("/api/me/2fa/recovery-codes", ann.token(), Map.of("otp", TotpCodes.at(secret, now()))));
		assertThat(
				this.api.post("/api/me/2fa/disable", ann.token(), Map.of("password", Api.PASSWORD, "otp", fresh.get(0)))
					.status())
			.isEqualTo(204);
		assertThat(login(ann, null).status()).isEqualTo(200);

		// one request's entries can share a millisecond: compared as counts, not in order
		assertThat(actions(ann.id()))
			.containsAll(List.of("account.totp_enabled", "auth.second_factor_failed",
					"account.recovery_codes_regenerated", "account.totp_disabled"))
			.filteredOn("auth.recovery_code_used"::equals)
			.hasSize(2);
		assertThat(this.jdbc.sql("""
				select after->>'method' from audit_events where actor_id = :u and action = 'auth.signed_in'
				""").param("u", ann.id()).query(String.class).list()).containsExactlyInAnyOrder("password, code",
				"password");
	}

	@Test
	void organizationRulesAndSingleSignOnSettingsAreRecordedWithoutTheSecret() {
		TestUser admin = this.api.newUser("OrgAudit");
		String org = this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
		assertThat(this.api.put("/api/orgs/" + org + "/two-factor", admin.token(), Map.of("required", true)).status())
			.isEqualTo(200);
		String secret = "client-secret-" + UUID.randomUUID();
		assertThat(this.api
			.put("/api/orgs/" + org + "/sso", admin.token(), Map.of("name", "Acme SSO", "issuer",
					"https://login.example.com", "client_id", "fixpoint", "client_secret", secret))
			.status()).isEqualTo(200);
		assertThat(this.api.delete("/api/orgs/" + org + "/sso", admin.token()).status()).isEqualTo(204);

		JsonNode rule = this.api
			.get("/api/orgs/" + org + "/audit-log?action=org.two_factor_rule_changed", admin.token())
			.body()
			.get("items");
		assertThat(rule).singleElement().satisfies(e -> {
			assertThat(e.get("before").get("required").asBoolean()).isFalse();
			assertThat(e.get("after").get("required").asBoolean()).isTrue();
		});
		Api.Response sso = this.api.get("/api/orgs/" + org + "/audit-log?action=org.", admin.token());
		assertThat(sso.raw()).contains("org.sso_configured", "org.sso_removed", "https://login.example.com")
			.doesNotContain(secret);
		assertThat(this.jdbc.sql("select count(*) from audit_events where after::text like :s")
			.param("s", "%" + secret + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aSiteAdminsResetIsRecorded() {
		TestUser admin = this.api.newUser("ResetAdmin");
		this.jdbc.sql("update users set is_site_admin = true where id = :id").param("id", admin.id()).update();
		TestUser bob = this.api.newUser("LostPhone");
		String secret = this.api.post("/api/me/2fa/totp", bob.token(), null).body().get("secret").asString();
		this.api.post("/api/me/2fa/totp/confirm", bob.token(), Map.of("code", TotpCodes.at(secret, now())));

		// from the admin page (the API's DELETE /api/admin/users/{id}/2fa does the same)
		BrowserSession notAdmin = BrowserSession.signedIn(baseUrl(), this.api, this.api.newUser("Curious"));
		notAdmin.get("/settings/profile");
		assertThat(notAdmin.post("/admin/users/" + bob.id() + "/two-factor/reset", Map.of()).status()).isEqualTo(403);
		BrowserSession page = BrowserSession.signedIn(baseUrl(), this.api, admin);
		assertThat(page.get("/admin?q=" + bob.username()).body()).contains("/two-factor/reset");
		assertThat(page.post("/admin/users/" + bob.id() + "/two-factor/reset", Map.of()).status()).isEqualTo(302);
		assertThat(this.api.get("/api/me/2fa", bob.token()).body().get("totp_enabled").asBoolean()).isFalse();

		assertThat(this.jdbc.sql("""
				select after->>'totp' from audit_events
				where actor_id = :admin and action = 'admin.second_factors_reset' and target_id = :bob
				""").param("admin", admin.id()).param("bob", bob.id().toString()).query(String.class).list())
			.containsExactly("true");
	}

	private java.time.Instant now() {
		return this.clock.instant();
	}

	private Api.Response login(TestUser user, String otp) {
		return this.api.post("/api/auth/login", null,
				Api.body("email", user.email(), "password", Api.PASSWORD, "otp", otp));
	}

	private static List<String> codes(Api.Response response) {
		assertThat(response.status()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		response.body().get("recovery_codes").forEach(code -> codes.add(code.asString()));
		return codes;
	}

	private List<String> actions(UUID actor) {
		return this.jdbc.sql("select action from audit_events where actor_id = :u")
			.param("u", actor)
			.query(String.class)
			.list();
	}

}
