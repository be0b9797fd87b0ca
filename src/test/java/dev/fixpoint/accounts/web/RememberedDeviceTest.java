package dev.fixpoint.accounts.web;

import java.util.Map;

import dev.fixpoint.accounts.RememberedDevices;
import dev.fixpoint.accounts.TotpCodes;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Remember this device for 30 days" on sign-in's second step: off unless ticked, skips
 * the code (never the password) for that person on that browser only, listed and
 * revocable, and over after 30 days.
 */
class RememberedDeviceTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRememberedBrowserSkipsTheCodeUntilItIsForgotten() {
		TestUser ann = this.api.newUser("Ann");
		String secret = enrolByApi(ann);
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);

		signInWithCode(browser, ann, secret, false);
		assertThat(browser.cookie(SecondFactorRoutes.DEVICE_COOKIE)).as("off unless ticked").isNull();
		signOut(browser);
		signInWithCode(browser, ann, secret, true);
		assertThat(browser.cookie(SecondFactorRoutes.DEVICE_COOKIE)).isNotNull();
		signOut(browser);

		assertThat(browser.signIn(ann.email(), Api.PASSWORD).isRedirectTo("/"))
			.as("the remembered browser skips the code")
			.isTrue();
		assertThat(browser.get("/settings/security").body()).contains("id=\"remembered-devices\"");
		signOut(browser);
		assertThat(browser.signIn(ann.email(), "wrong password").status()).as("never the password").isEqualTo(401);

		JsonNode devices = this.api.get("/api/me/2fa/devices", ann.token()).body();
		assertThat(devices).hasSize(1);
		assertThat(this.api.delete("/api/me/2fa/devices/" + devices.get(0).get("id").asString(), ann.token()).status())
			.isEqualTo(204);
		assertThat(dev.fixpoint.support.AuditTrail.actionsBy(this.jdbc, ann.id())).contains("account.device_forgotten");
		assertThat(browser.signIn(ann.email(), Api.PASSWORD).isRedirectTo("/login/second-factor"))
			.as("forgotten: asked again")
			.isTrue();
	}

	@Test
	void aRememberedBrowserIsOnlyThatPersonsAndOnlyFor30Days() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		String annSecret = enrolByApi(ann);
		enrolByApi(bob);
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		signInWithCode(browser, ann, annSecret, true);
		signOut(browser);

		assertThat(browser.signIn(bob.email(), Api.PASSWORD).isRedirectTo("/login/second-factor"))
			.as("Ann's remembered browser is not Bob's")
			.isTrue();
		BrowserSession fresh = BrowserSession.anonymous(baseUrl(), this.api);
		fresh.get("/login");
		assertThat(
				fresh
					.post("/login", Map.of("email", ann.email(), "password", Api.PASSWORD, "_csrf", fresh.csrfToken()),
							Map.of("Cookie",
									SecondFactorRoutes.DEVICE_COOKIE + "=" + java.util.UUID.randomUUID() + ".forged"))
					.isRedirectTo("/login/second-factor"))
			.as("a forged cookie is nobody's")
			.isTrue();

		this.clock.advance(RememberedDevices.FOR.plusMinutes(1));
		BrowserSession again = BrowserSession.anonymous(baseUrl(), this.api);
		again.get("/login");
		assertThat(
				again
					.post("/login", Map.of("email", ann.email(), "password", Api.PASSWORD, "_csrf", again.csrfToken()),
							Map.of("Cookie",
									SecondFactorRoutes.DEVICE_COOKIE + "="
											+ browser.cookie(SecondFactorRoutes.DEVICE_COOKIE)))
					.isRedirectTo("/login/second-factor"))
			.as("after 30 days, asked again")
			.isTrue();
		// the sign-in token of 30 days ago has expired too: sign in again, with a code
		String token = this.api
			.post("/api/auth/login", null, Map.of("email", ann.email(), "password", Api.PASSWORD, "otp",
					TotpCodes.at(annSecret, this.clock.instant())))
			.body()
			.get("token")
			.asString();
		assertThat(this.api.get("/api/me/2fa/devices", token).body()).isEmpty();
	}

	@Test
	void aSiteAdminResetsTheSecondFactorsOfSomeoneWhoLostTheirPhone() {
		TestUser ann = this.api.newUser("Ann");
		String secret = enrolByApi(ann);
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		signInWithCode(browser, ann, secret, true);
		TestUser bob = this.api.newUser("Bob");
		String annId = this.api.get("/api/me", ann.token()).body().get("id").asString();

		assertThat(this.api.delete("/api/admin/users/" + annId + "/2fa", bob.token()).status()).as("only site admins")
			.isEqualTo(403);
		TestUser admin = siteAdmin();
		assertThat(this.api.delete("/api/admin/users/" + annId + "/2fa", admin.token()).status()).isEqualTo(204);
		assertThat(this.api.delete("/api/admin/users/" + java.util.UUID.randomUUID() + "/2fa", admin.token()).status())
			.isEqualTo(404);

		JsonNode status = this.api.get("/api/me/2fa", ann.token()).body();
		assertThat(status.get("totp_enabled").asBoolean()).isFalse();
		assertThat(this.api.get("/api/me/2fa/devices", ann.token()).body()).isEmpty();
		assertThat(
				this.api.post("/api/auth/login", null, Map.of("email", ann.email(), "password", Api.PASSWORD)).status())
			.as("the password alone signs in again")
			.isEqualTo(200);
	}

	/** A site admin (the setup's first person is one; there is no API to make more). */
	private TestUser siteAdmin() {
		TestUser admin = this.api.newUser("Root");
		this.jdbc.sql("update users set is_site_admin = true where id = :id").param("id", admin.id()).update();
		return admin;
	}

	private void signInWithCode(BrowserSession browser, TestUser user, String secret, boolean remember) {
		assertThat(browser.signIn(user.email(), Api.PASSWORD).isRedirectTo("/login/second-factor")).isTrue();
		Page step = browser.get("/login/second-factor");
		assertThat(step.text()).contains("Remember this device for 30 days");
		this.clock.advance(TotpCodes.step());
		Map<String, String> form = remember
				? Map.of("code", TotpCodes.at(secret, this.clock.instant()), "remember", "true")
				: Map.of("code", TotpCodes.at(secret, this.clock.instant()));
		assertThat(browser.post("/login/second-factor", form).isRedirectTo("/")).isTrue();
	}

	private static void signOut(BrowserSession browser) {
		browser.get("/projects");
		assertThat(browser.post("/logout", Map.of()).isRedirectTo("/login?logged_out")).isTrue();
	}

	private String enrolByApi(TestUser user) {
		String secret = this.api.post("/api/me/2fa/totp", user.token(), null).body().get("secret").asString();
		assertThat(this.api
			.post("/api/me/2fa/totp/confirm", user.token(), Map.of("code", TotpCodes.at(secret, this.clock.instant())))
			.status()).isEqualTo(200);
		return secret;
	}

}
