package dev.fixpoint.accounts;

import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance settings of site admins: validated, audited (never the SMTP password,
 * which is stored sealed), and the "send test email" button over the saved server.
 */
class InstanceSettingsTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private TestUser admin;

	@BeforeEach
	void aSiteAdmin() {
		this.admin = this.api.newUser("Admin");
		this.jdbc.sql("update users set is_site_admin = true where id = :id").param("id", this.admin.id()).update();
	}

	@AfterEach
	void backToTheDefaults() {
		this.api.patch("/api/admin/settings", this.admin.token(), Map.of("smtp_host", "", "smtp_password", ""));
		this.jdbc.sql("delete from instance_settings").update();
	}

	@Test
	void siteAdminsChangeTheSettingsOthersGet403() {
		TestUser bob = this.api.newUser("Bob");
		assertThat(this.api.get("/api/admin/settings", bob.token()).status()).isEqualTo(403);
		assertThat(this.api.patch("/api/admin/settings", bob.token(), Map.of("instance_name", "Mine")).status())
			.isEqualTo(403);
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, bob);
		assertThat(browser.get("/projects").status()).isEqualTo(200);
		assertThat(browser.get("/admin/settings").status()).isEqualTo(403);
		assertThat(browser.post("/admin/settings/test-email", Map.of()).status()).isEqualTo(403);

		Api.Response defaults = this.api.get("/api/admin/settings", this.admin.token());
		assertThat(defaults.body().get("signup_mode").asString()).isEqualTo("open");
		Api.Response bad = this.api.patch("/api/admin/settings", this.admin.token(), Map.of("signup_mode", "sometimes",
				"smtp_port", 70000, "allowed_email_domains", new String[] { "not a domain" }));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).contains("signup_mode").contains("smtp_port").contains("allowed_email_domains");

		Api.Response changed = this.api.patch("/api/admin/settings", this.admin.token(),
				Map.of("instance_name", "Acme bugs", "signup_mode", "invite_only"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().get("instance_name").asString()).isEqualTo("Acme bugs");
		assertThat(this.jdbc.sql("""
				select after::text from audit_events where actor_id = :u and action = 'admin.settings_changed'
				""").param("u", this.admin.id()).query(String.class).single()).contains("invite_only")
			.contains("Acme bugs");
	}

	@Test
	void theSmtpPasswordIsSealedAndNeverShownOrAudited() {
		Api.Response saved = this.api.patch("/api/admin/settings", this.admin.token(), Map.of("smtp_host",
				"mail.example.com", "smtp_username", "fixpoint", "smtp_password", "s3cret-smtp-pass"));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body().get("smtp_password_set").asBoolean()).isTrue();
		assertThat(saved.raw()).doesNotContain("s3cret-smtp-pass");
		assertThat(this.jdbc.sql("select count(*) from instance_settings t where strpos(t::text, 's3cret') > 0")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_events t where strpos(t::text, 's3cret') > 0")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select after::text from audit_events where actor_id = :u order by created_at desc limit 1")
			.param("u", this.admin.id())
			.query(String.class)
			.single()).contains("\"smtp_password_state\": \"changed\"");
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.admin);
		assertThat(browser.get("/admin/settings").body()).contains("mail.example.com").doesNotContain("s3cret");
	}

	@Test
	void theTestEmailGoesOverTheSavedServer() throws Exception {
		this.api.patch("/api/admin/settings", this.admin.token(), Map.of("smtp_host", "127.0.0.1", "smtp_port",
				TestMailServer.port(), "smtp_tls", "none", "smtp_from", "Acme <bugs@acme.example>"));
		Api.Response sent = this.api.post("/api/admin/settings/test-email", this.admin.token(), Map.of());
		assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
		assertThat(sent.body().get("to").asString()).isEqualTo(this.admin.email());
		assertThat(Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> GreenMailUtil.getHeaders(m).contains(this.admin.email()))
			.map(m -> GreenMailUtil.getHeaders(m))
			.toList())
			.anySatisfy(headers -> assertThat(headers).contains("Fixpoint test email").contains("bugs@acme.example"));

		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		this.api.patch("/api/admin/settings", this.admin.token(), Map.of("smtp_port", closed));
		Api.Response failed = this.api.post("/api/admin/settings/test-email", this.admin.token(), Map.of());
		assertThat(failed.status()).isEqualTo(422);
		assertThat(failed.body().get("type").asString()).endsWith("test-email-failed");
		assertThat(failed.body().get("detail").asString()).contains("did not take the test email");
		assertThat(dev.fixpoint.support.AuditTrail.actionsBy(this.jdbc, this.admin.id()))
			.contains("admin.test_email_sent", "admin.test_email_failed");

		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.admin);
		assertThat(browser.get("/admin/settings").status()).isEqualTo(200);
		BrowserSession.Page back = browser.post("/admin/settings/test-email", Map.of());
		assertThat(back.isRedirectTo("/admin/settings#smtp")).as(back.location()).isTrue();
		assertThat(browser.get("/admin/settings").body()).contains("did not take the test email");
	}

	@Test
	void theSettingsPageSavesTheForm() {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.admin);
		assertThat(browser.get("/admin/settings").status()).isEqualTo(200);
		BrowserSession.Page saved = browser.post("/admin/settings",
				Map.of("instance_name", "Acme", "signup_mode", "closed", "allowed_email_domains",
						"acme.example, example.org", "smtp_host", "", "smtp_port", "587", "smtp_tls", "starttls"));
		assertThat(saved.isRedirectTo("/admin/settings")).as(saved.body()).isTrue();
		assertThat(browser.follow(saved).body()).contains("Settings saved").contains("acme.example, example.org");
		BrowserSession.Page bad = browser.post("/admin/settings", Map.of("instance_name", "", "smtp_port", "x"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("must be 1–100 characters").contains("between 1 and 65535");
	}

}
