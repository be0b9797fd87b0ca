package dev.fixpoint.accounts.web;

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

/**
 * An organization's 2FA rule keeps its members on the security page until they have a
 * second factor, but never stands in the way of what must work without one, and sends
 * them on to where they were going once they have one.
 */
class EnrolmentGateTest extends IntegrationTest {

	private static final Map<String, String> PAGE = Map.of("Accept", "text/html,application/xhtml+xml");

	@Test
	void emailedLinksSignOutStaticFilesAndTheSetUpPagesAreNotCaught() {
		BrowserSession bob = memberOfAnOrganizationRequiring2fa(null);
		assertThat(bob.get("/projects", PAGE).isRedirectTo("/settings/security")).as("the gate is shut").isTrue();

		for (String open : new String[] { "/account/verify?token=not-a-token", "/account/email/confirm?token=nope",
				"/invitations/accept?token=nope", "/password-reset", "/password-reset/confirm?token=nope",
				"/css/app.css", "/js/app.js", "/js/passkeys.js", "/favicon.svg", "/settings/security",
				"/login/second-factor" }) {
			Page page = bob.get(open, PAGE);
			assertThat(page.isRedirectTo("/settings/security"))
				.as("%s answered %s %s", open, page.status(), page.location())
				.isFalse();
		}
		bob.get("/settings/security");
		Page out = bob.post("/logout", Map.of());
		assertThat(out.isRedirectTo("/login?logged_out")).as("%s %s", out.status(), out.location()).isTrue();
		assertThat(bob.get("/projects").location()).as("signed out").startsWith("/login");
	}

	@Test
	void afterSettingUpTotpThePersonContinuesToThePageTheyAskedFor() {
		BrowserSession bob = memberOfAnOrganizationRequiring2fa(null);
		assertThat(bob.get("/projects/new?from=gate", PAGE).isRedirectTo("/settings/security")).isTrue();
		assertThat(bob.get("/notifications", Map.of("Accept", "text/event-stream")).isRedirectTo("/settings/security"))
			.as("a script's request is not where the person was going")
			.isTrue();

		Page codes = enrol(bob);

		assertThat(codes.body()).contains("id=\"recovery-codes\"")
			.contains("id=\"continue-after-enrolment\" href=\"/projects/new?from=gate\"");
		assertThat(bob.get("/projects/new?from=gate", PAGE).status()).isEqualTo(200);
	}

	@Test
	void thePageAskedForAtSignInIsWhereThePersonContinues() {
		BrowserSession bob = memberOfAnOrganizationRequiring2fa("/settings/tokens");

		Page codes = enrol(bob);

		assertThat(codes.body()).contains("id=\"continue-after-enrolment\" href=\"/settings/tokens\"");
		assertThat(bob.get("/settings/tokens", PAGE).status()).isEqualTo(200);
	}

	@Test
	void withoutARuleThereIsNoWayOnToShow() {
		TestUser ann = this.api.newUser("Nogate");
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);

		Page codes = enrol(browser);

		assertThat(codes.body()).contains("id=\"recovery-codes\"").doesNotContain("continue-after-enrolment");
	}

	/**
	 * Bob, a member of an organization whose admin requires 2FA, signed in (asking for
	 * {@code next}) and sent to enrolment.
	 */
	private BrowserSession memberOfAnOrganizationRequiring2fa(String next) {
		TestUser admin = this.api.newUser("Gatekeeper");
		TestUser bob = this.api.newUser("Bob");
		String org = this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", bob.username(), "role", "member"));
		assertThat(this.api.put("/api/orgs/" + org + "/two-factor", admin.token(), Map.of("required", true)).status())
			.isEqualTo(200);
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.get("/login");
		Page signedIn = browser.post("/login", next == null ? Map.of("email", bob.email(), "password", Api.PASSWORD)
				: Map.of("email", bob.email(), "password", Api.PASSWORD, "next", next));
		assertThat(signedIn.isRedirectTo("/settings/security")).isTrue();
		return browser;
	}

	/**
	 * Turns TOTP on through the security page; returns the page with the recovery codes.
	 */
	private Page enrol(BrowserSession browser) {
		browser.get("/settings/security");
		assertThat(browser.post("/settings/security/totp", Map.of()).isRedirectTo("/settings/security")).isTrue();
		Matcher secret = Pattern.compile("data-secret=\"([A-Z2-7]+)\"")
			.matcher(browser.get("/settings/security").body());
		assertThat(secret.find()).isTrue();
		assertThat(browser
			.post("/settings/security/totp/confirm",
					Map.of("code", TotpCodes.at(secret.group(1), this.clock.instant())))
			.isRedirectTo("/settings/security")).isTrue();
		return browser.get("/settings/security");
	}

}
