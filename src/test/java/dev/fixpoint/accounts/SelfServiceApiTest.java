package dev.fixpoint.accounts;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.fixpoint.notifications.OutgoingMail;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-service account API: profile, password change, sessions, read-only tokens,
 * forgotten passwords (GreenMail), each with its audit entry.
 */
class SelfServiceApiTest extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("token=(?:3D)?(fxp_[A-Za-z0-9_-]+)");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void meKeepsItsFieldsAndGainsTheProfile() {
		TestUser ann = this.api.newUser("Ann");
		Api.Response me = this.api.get("/api/me", ann.token());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body().get("email").asString()).isEqualTo(ann.email());
		assertThat(me.body().get("username").asString()).isEqualTo(ann.username());
		assertThat(me.body().get("organizations").isArray()).isTrue();
		assertThat(me.body().get("time_zone").asString()).isEqualTo("UTC");
		assertThat(me.body().get("theme").asString()).isEqualTo("system");
		assertThat(me.body().get("avatar").get("initials").asString()).isEqualTo("A" + ann.name().charAt(4));
	}

	@Test
	void profileChangesAreValidatedStoredAndAudited() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		Api.Response changed = this.api.patch("/api/me", ann.token(),
				Map.of("name", "Ann Example", "time_zone", "Europe/Berlin", "theme", "dark"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().get("name").asString()).isEqualTo("Ann Example");
		assertThat(changed.body().get("time_zone").asString()).isEqualTo("Europe/Berlin");
		assertThat(changed.body().get("theme").asString()).isEqualTo("dark");
		assertThat(changed.body().get("avatar").get("initials").asString()).isEqualTo("AE");

		Api.Response bad = this.api.patch("/api/me", ann.token(), Map.of("time_zone", "Mars/Olympus", "theme", "pink"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).contains("time_zone").contains("theme");
		assertThat(this.api.patch("/api/me", ann.token(), Map.of("username", bob.username())).status()).isEqualTo(409);

		assertThat(audit(ann, "account.profile_changed")).singleElement()
			.satisfies(row -> assertThat(row.get("after").toString()).contains("Europe/Berlin")
				.doesNotContain("\"theme\": \"system\""));
	}

	@Test
	void passwordChangeRevokesEveryOtherSessionAndTokenButTheCallers() {
		TestUser ann = this.api.newUser("Ann");
		String other = login(ann.email(), Api.PASSWORD);
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);
		assertThat(browser.get("/projects").status()).isEqualTo(200);

		Api.Response wrong = this.api.post("/api/me/password", ann.token(),
				Map.of("current_password", "not-my-password", "new_password", "another-long-password"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.raw()).contains("current_password");

		Api.Response changed = this.api.post("/api/me/password", ann.token(),
				Map.of("current_password", Api.PASSWORD, "new_password", "another-long-password"));
		assertThat(changed.status()).isEqualTo(204);
		assertThat(this.api.get("/api/me", ann.token()).status()).as("the caller's token").isEqualTo(200);
		assertThat(this.api.get("/api/me", other).status()).as("another token").isEqualTo(401);
		assertThat(browser.get("/projects").status()).as("a browser session").isEqualTo(302);
		assertThat(
				this.api.post("/api/auth/login", null, Map.of("email", ann.email(), "password", Api.PASSWORD)).status())
			.isEqualTo(401);
		assertThat(login(ann.email(), "another-long-password")).isNotBlank();
		assertThat(audit(ann, "account.password_changed")).hasSize(1);
	}

	@Test
	void sessionsAreListedAndRevokedOneByOne() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession laptop = BrowserSession.signedIn(baseUrl(), this.api, ann);
		BrowserSession phone = BrowserSession.signedIn(baseUrl(), this.api, ann);
		assertThat(laptop.get("/projects").status()).isEqualTo(200);
		Api.Response sessions = this.api.get("/api/me/sessions", ann.token());
		assertThat(sessions.body().get("items")).hasSize(2);
		String id = sessions.body().get("items").get(0).get("id").asString();
		assertThat(this.api.delete("/api/me/sessions/" + id, ann.token()).status()).isEqualTo(204);
		assertThat(audit(ann, "account.session_revoked")).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("target_id", id));
		assertThat(this.api.get("/api/me/sessions", ann.token()).body().get("items")).hasSize(1);
		assertThat(this.api.delete("/api/me/sessions/" + id, ann.token()).status()).isEqualTo(404);
		TestUser bob = this.api.newUser("Bob");
		String annsOther = this.api.get("/api/me/sessions", ann.token())
			.body()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		assertThat(this.api.delete("/api/me/sessions/" + annsOther, bob.token()).status()).as("not Bob's")
			.isEqualTo(404);
		assertThat(laptop.get("/projects").status() + phone.get("/projects").status()).isEqualTo(200 + 302);
	}

	@Test
	void anEmailChangeTakesEffectOnceTheLinkSentToTheNewAddressIsFollowed() {
		TestUser ann = this.api.newUser("Ann");
		String moved = "moved-" + ann.email();
		assertThat(this.api.post("/api/me/email", ann.token(), Map.of("email", moved)).status()).isEqualTo(202);
		assertThat(this.api.get("/api/me", ann.token()).body().get("email").asString()).isEqualTo(ann.email());
		String token = dev.fixpoint.support.EmailedLinks.token(this.context, this.clock, moved,
				"Confirm your new email address");

		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.get("/account/email/confirm?token=" + token);
		assertThat(browser.post("/account/email/confirm", Map.of("token", token)).text())
			.contains("Your account now uses this address");

		assertThat(this.api.get("/api/me", ann.token()).body().get("email").asString()).isEqualTo(moved);
		assertThat(audit(ann, "account.email_changed")).singleElement().satisfies(row -> {
			assertThat(row.get("before").toString()).contains(ann.email());
			assertThat(row.get("after").toString()).contains(moved);
		});
	}

	@Test
	void readOnlyTokensReadButNeverWrite() {
		TestUser ann = this.api.newUser("Ann");
		Api.Response created = this.api.post("/api/me/tokens", ann.token(), Map.of("name", "ci", "read_only", true));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("info").get("read_only").asBoolean()).isTrue();
		String token = created.body().get("token").asString();
		assertThat(this.api.get("/api/projects", token).status()).isEqualTo(200);
		Api.Response write = this.api.post("/api/projects", token, Map.of("name", "Nope", "key", "NOPE"));
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.raw()).contains("read-only");
		assertThat(audit(ann, "token.created")).hasSize(1);
	}

	@Test
	void forgottenPasswordsAreResetOnceByEmailedLink() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		assertThat(this.api.post("/api/auth/password-reset", null, Map.of("email", ann.email())).status())
			.isEqualTo(202);
		assertThat(this.api.post("/api/auth/password-reset", null, Map.of("email", "nobody-" + ann.email())).status())
			.as("same answer for an unknown address")
			.isEqualTo(202);
		String token = resetToken(ann.email());
		assertThat(audit(ann, "account.password_reset_requested")).as("once: the unknown address records nothing")
			.hasSize(1);

		Api.Response weak = this.api.post("/api/auth/password-reset/confirm", null,
				Map.of("token", token, "password", "short"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(this.api
			.post("/api/auth/password-reset/confirm", null, Map.of("token", token, "password", "a-brand-new-password"))
			.status()).isEqualTo(204);
		assertThat(this.api.get("/api/me", ann.token()).status()).as("every token revoked").isEqualTo(401);
		assertThat(this.api
			.post("/api/auth/password-reset/confirm", null, Map.of("token", token, "password", "yet-another-password"))
			.status()).as("single use").isEqualTo(400);
		assertThat(login(ann.email(), "a-brand-new-password")).isNotBlank();
		assertThat(audit(ann, "account.password_reset")).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from account_links where token_hash = sha256(convert_to(:t, 'UTF8'))")
			.param("t", token)
			.query(Integer.class)
			.single()).as("stored as a hash").isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from account_links where token_hash::text like '%' || :t || '%'")
			.param("t", token)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void resetLinksExpireAfterAnHour() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		this.api.post("/api/auth/password-reset", null, Map.of("email", ann.email()));
		String token = resetToken(ann.email());
		this.clock.advance(java.time.Duration.ofMinutes(61));
		assertThat(this.api
			.post("/api/auth/password-reset/confirm", null, Map.of("token", token, "password", "a-brand-new-password"))
			.status()).isEqualTo(400);
	}

	String resetToken(String email) throws Exception {
		OutgoingMail.sendDue(this.context, this.clock.instant().plusSeconds(1));
		List<MimeMessage> mine = java.util.Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> recipients(m).contains(email))
			.toList();
		assertThat(mine).isNotEmpty();
		MimeMessage last = mine.get(mine.size() - 1);
		assertThat(last.getSubject()).contains("Reset your Fixpoint password");
		Matcher m = LINK.matcher(GreenMailUtil.getBody(last).replace("=\r\n", ""));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	static String recipients(MimeMessage message) {
		try {
			return GreenMailUtil.getAddressList(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String login(String email, String password) {
		Api.Response r = this.api.post("/api/auth/login", null, Map.of("email", email, "password", password));
		assertThat(r.status()).isEqualTo(200);
		return r.body().get("token").asString();
	}

	List<Map<String, Object>> audit(TestUser user, String action) {
		return this.jdbc.sql("""
				select action, actor_id, target_type, target_id, before::text as before, after::text as after, ip
				from audit_events where (actor_id = :u or target_id = :t) and action = :a
				""").param("u", user.id()).param("t", user.id().toString()).param("a", action).query().listOfRows();
	}

}
