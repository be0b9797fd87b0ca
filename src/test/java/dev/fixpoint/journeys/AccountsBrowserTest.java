package dev.fixpoint.journeys;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.notifications.OutgoingMail;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts in a real browser: a forgotten password reset end to end (the email read from
 * GreenMail), and screenshots of the profile, audit log and admin pages (desktop and
 * phone, light and dark) for a human to look at.
 */
class AccountsBrowserTest extends BrowserTest {

	private static final Pattern LINK = Pattern
		.compile("(http://[^\\s\"<]+/password-reset/confirm\\?token=(?:3D)?fxp_[A-Za-z0-9_-]+)");

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aForgottenPasswordIsResetByEmail() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		open("/login");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
		this.page.getByLabel("Email").fill(ann.email());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("an email with a link is on its way");

		OutgoingMail.sendDue(this.context, this.clock.instant().plusSeconds(1));
		MimeMessage mail = java.util.Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> GreenMailUtil.getHeaders(m).contains(ann.email()))
			.reduce((a, b) -> b)
			.orElseThrow();
		Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();
		String url = link.group(1).replace("token=3D", "token=").replaceFirst("http://[^/]+", baseUrl());

		this.page.navigate(url);
		this.page.getByLabel("New password").fill("a-fresh-long-password");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set the new password")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Your password is changed");

		this.page.navigate(url);
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("invalid, used or expired");

		open("/login");
		this.page.getByLabel("Email").fill(ann.email());
		this.page.getByLabel("Password").fill("a-fresh-long-password");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(this.page).hasURL(Pattern.compile("//[^/]+/$"));
	}

	@Test
	void profileAuditAndAdminPagesOnEveryScreen() {
		TestUser admin = this.api.newPerson("Grace Hopper");
		this.jdbc.sql("update users set is_site_admin = true where id = :id").param("id", admin.id()).update();
		TestUser dev = this.api.newPerson("Alan Turing");
		var project = this.api.newProject(admin);
		this.api.addMember(admin, project.get("key").asString(), dev, "developer");
		String org = this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
		// the security page with an authenticator app being set up and the organization's
		// single sign-on (a passkey would make the sign-in ask for it: PasskeyBrowserTest
		// shoots the passkey list)
		this.api.post("/api/me/2fa/totp", admin.token(), null);
		this.api.put("/api/orgs/" + org + "/sso", admin.token(), Map.of("name", "Acme SSO", "issuer",
				"https://login.example.com", "client_id", "fixpoint", "client_secret", "not-a-real-secret"));
		for (String variant : new String[] { "desktop-light", "desktop-dark", "phone-light", "phone-dark" }) {
			Browser.NewContextOptions options = new Browser.NewContextOptions()
				.setColorScheme(variant.endsWith("dark") ? ColorScheme.DARK : ColorScheme.LIGHT);
			if (variant.startsWith("phone")) {
				options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
			}
			else {
				options.setViewportSize(1280, 800);
			}
			Page other = anotherBrowser(options);
			signIn(other, admin);
			other.navigate(baseUrl() + "/settings/profile");
			assertThat(other.locator("#profile-form")).isVisible();
			screenshot(other, "accounts/profile-" + variant);
			other.navigate(baseUrl() + "/settings/security");
			assertThat(other.locator("#totp-secret")).isVisible();
			other.locator("#org-two-factor details").first().evaluate("d => d.open = true");
			screenshot(other, "accounts/security-" + variant);
			other.navigate(baseUrl() + "/orgs/" + org + "/audit-log");
			assertThat(other.locator(".audit-table")).containsText("project.member_added");
			screenshot(other, "accounts/audit-log-" + variant);
			other.navigate(baseUrl() + "/admin?q=turing");
			assertThat(other.locator("#users")).containsText("Alan Turing");
			screenshot(other, "accounts/admin-" + variant);
			other.navigate(baseUrl() + "/admin/settings");
			assertThat(other.locator("#smtp")).isVisible();
			screenshot(other, "accounts/admin-settings-" + variant);
			other.navigate(baseUrl() + "/admin/status");
			assertThat(other.locator("#database")).containsText("PostgreSQL");
			screenshot(other, "accounts/admin-status-" + variant);
			other.navigate(baseUrl() + "/orgs/" + org + "/members");
			assertThat(other.locator("#members")).containsText("Alan Turing");
			screenshot(other, "accounts/org-members-" + variant);
		}
		// the sign-in page lists every provider: leave none behind for the other journeys
		this.api.delete("/api/orgs/" + org + "/sso", admin.token());
		signIn(this.page, dev);
		for (String path : new String[] { "/admin", "/admin/settings", "/admin/status", "/admin/audit-log" }) {
			this.page.navigate(baseUrl() + path);
			assertThat(this.page.locator("body")).not().containsText("Deactivate");
			assertThat(this.page.locator("form[action^='/admin']")).hasCount(0);
		}
		this.page.navigate(baseUrl() + "/orgs/" + org + "/members");
		assertThat(this.page.locator("#members")).containsText("Grace Hopper");
		assertThat(this.page.locator("form[action*='/invitations']")).hasCount(0);
	}

	static String password() {
		return Api.PASSWORD;
	}

}
