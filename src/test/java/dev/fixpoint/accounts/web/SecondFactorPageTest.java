package dev.fixpoint.accounts.web;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fixpoint.accounts.TotpCodes;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecondFactorPageTest extends IntegrationTest {

	@Test
	void signingInWithTotpTakesASecondStepAndNoSessionBeforeIt() {
		TestUser ann = this.api.newUser("Ann");
		String secret = enrolByApi(ann);
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);

		Page password = browser.signIn(ann.email(), Api.PASSWORD);
		assertThat(password.isRedirectTo("/login/second-factor")).isTrue();
		assertThat(browser.get("/projects").location()).as("not signed in before the code").startsWith("/login");
		assertThat(browser.get("/login/second-factor").body()).contains("autocomplete=\"one-time-code\"");

		Page wrong = browser.post("/login/second-factor", Map.of("code", "000000"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.text()).contains("That code is wrong, expired or already used.");

		this.clock.advance(TotpCodes.step());
		String sessionBefore = browser.cookie("SESSION");
		Page signedIn = browser.post("/login/second-factor",
				Map.of("code", TotpCodes.at(secret, this.clock.instant())));
		assertThat(signedIn.isRedirectTo("/")).isTrue();
		assertThat(browser.cookie("SESSION")).as("a new session for the signed-in person").isNotEqualTo(sessionBefore);
		assertThat(browser.get("/projects").status()).isEqualTo(200);
	}

	@Test
	void aPendingSignInExpires() {
		TestUser ann = this.api.newUser("Ann");
		String secret = enrolByApi(ann);
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		assertThat(browser.signIn(ann.email(), Api.PASSWORD).isRedirectTo("/login/second-factor")).isTrue();
		browser.get("/login/second-factor");

		this.clock.advance(SignInSteps.PENDING_FOR.plus(Duration.ofSeconds(1)));
		Page late = browser.post("/login/second-factor", Map.of("code", TotpCodes.at(secret, this.clock.instant())));
		assertThat(late.isRedirectTo("/login")).as("%s %s", late.status(), late.location()).isTrue();
		assertThat(browser.get("/projects").location()).startsWith("/login");
	}

	@Test
	void anOrganizationsRuleSendsMembersToEnrolmentUntilTheyHaveASecondFactor() {
		TestUser admin = this.api.newUser("Admin");
		TestUser bob = this.api.newUser("Bob");
		String org = this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", bob.username(), "role", "member"));
		BrowserSession adminBrowser = BrowserSession.signedIn(baseUrl(), this.api, admin);
		adminBrowser.get("/settings/security");
		assertThat(adminBrowser.post("/settings/security/orgs/" + org + "/two-factor", Map.of("required", "true"))
			.isRedirectTo("/settings/security")).isTrue();

		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		assertThat(browser.signIn(bob.email(), Api.PASSWORD).isRedirectTo("/settings/security")).isTrue();
		assertThat(browser.get("/projects").isRedirectTo("/settings/security")).isTrue();
		assertThat(browser.get("/settings/security").text()).contains("requires two-factor authentication");

		assertThat(browser.post("/settings/security/totp", Map.of()).isRedirectTo("/settings/security")).isTrue();
		Page enrol = browser.get("/settings/security");
		assertThat(enrol.body()).contains("src=\"data:image/svg+xml;base64,");
		String secret = secretOn(enrol);
		assertThat(browser.post("/settings/security/totp/confirm", Map.of("code", "111111")).status()).isEqualTo(422);
		assertThat(browser
			.post("/settings/security/totp/confirm", Map.of("code", TotpCodes.at(secret, this.clock.instant())))
			.isRedirectTo("/settings/security")).isTrue();
		Page codes = browser.get("/settings/security");
		assertThat(codes.body()).contains("id=\"recovery-codes\"");
		assertThat(browser.get("/settings/security").body()).as("recovery codes are shown once")
			.doesNotContain("id=\"recovery-codes\"");
		assertThat(browser.get("/projects").status()).isEqualTo(200);
	}

	private String enrolByApi(TestUser user) {
		String secret = this.api.post("/api/me/2fa/totp", user.token(), null).body().get("secret").asString();
		assertThat(this.api
			.post("/api/me/2fa/totp/confirm", user.token(), Map.of("code", TotpCodes.at(secret, this.clock.instant())))
			.status()).isEqualTo(200);
		return secret;
	}

	private static String secretOn(Page page) {
		Matcher m = Pattern.compile("data-secret=\"([A-Z2-7]+)\"").matcher(page.body());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

}
