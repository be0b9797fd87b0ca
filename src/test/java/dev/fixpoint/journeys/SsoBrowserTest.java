package dev.fixpoint.journeys;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.ClaimedDomains;
import dev.fixpoint.support.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in a real browser against a real OpenID Connect provider started by the
 * test, email first: the sign-in page names no organization; an email of a domain an
 * organization claimed continues with its provider (straight there when the organization
 * requires it; beside the password otherwise); a member of an organization that requires
 * single sign-on but claimed no domain is told after their password, with the provider's
 * button. Screenshots: target/screenshots/accounts/sign-in-*.png.
 */
class SsoBrowserTest extends BrowserTest {

	private static TestOidcProvider provider;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationContext application;

	@BeforeAll
	static void startProvider() {
		provider = new TestOidcProvider();
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void anEmailOfAClaimedDomainGoesStraightToItsOrganizationsProvider() {
		String domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		TestUser admin = this.api.newPerson("Olga Admin");
		String org = orgOf(admin);
		String name = "Acme " + UUID.randomUUID().toString().substring(0, 4);
		configure(admin, org, name, List.of(domain), true);
		String email = "sam@" + domain;
		provider.signInAs(new TestOidcProvider.Person("sam-" + UUID.randomUUID(), email, true, "Sam Member"));

		open("/login");
		assertThat(this.page.locator(".auth-card")).not().containsText(name);
		assertThat(this.page.locator("#sso-providers")).hasCount(0);
		this.page.getByLabel("Email").fill(email);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();

		assertThat(this.page).hasURL(Pattern.compile("//[^/]+/$"));
		assertThat(this.api.get("/api/orgs/" + org + "/members", admin.token()).raw()).as("provisioned into the org")
			.contains(email);
	}

	@Test
	void anOptionalProviderIsOfferedBesideThePasswordAndTheSignInPageIsShot() {
		String domain = "beta-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		TestUser admin = this.api.newPerson("Bea Admin");
		String org = orgOf(admin);
		String name = "Beta " + UUID.randomUUID().toString().substring(0, 4);
		configure(admin, org, name, List.of(domain), false);
		TestUser dan = signUp("dan@" + domain, "Dan Password");

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
			other.navigate(baseUrl() + "/login");
			assertThat(other.getByLabel("Email")).isVisible();
			screenshot(other, "accounts/sign-in-" + variant);
			other.getByLabel("Email").fill(dan.email());
			other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
			assertThat(other.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + name)))
				.isVisible();
			assertThat(other.getByLabel("Password")).isVisible();
			screenshot(other, "accounts/sign-in-password-" + variant);
		}

		open("/login");
		signInWithPassword(this.page, dan.email(), Api.PASSWORD);
		assertThat(this.page).hasURL(Pattern.compile("//[^/]+/$"));
	}

	@Test
	void aMemberOfAnOrganizationRequiringItIsToldAfterThePasswordWithTheButton() {
		TestUser admin = this.api.newPerson("Olga Admin");
		String org = orgOf(admin);
		TestUser member = this.api.newPerson("Sam Member");
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", member.username(), "role", "member"));
		String name = "Acme " + UUID.randomUUID().toString().substring(0, 4);
		configure(admin, org, name, List.of(), true);
		provider.signInAs(new TestOidcProvider.Person("sam-" + UUID.randomUUID(), member.email(), true, member.name()));

		open("/login");
		assertThat(this.page.locator(".auth-card")).not().containsText(name);
		signInWithPassword(this.page, member.email(), Api.PASSWORD);
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("requires single sign-on");
		screenshot(this.page, "SsoBrowserTest-password-refused");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + name)).click();
		assertThat(this.page).hasURL(Pattern.compile("//[^/]+/$"));
	}

	private void configure(TestUser admin, String org, String name, List<String> emailDomains, boolean required) {
		Api.Response configured = this.api.put("/api/orgs/" + org + "/sso", admin.token(),
				Map.of("name", name, "issuer", provider.issuer(), "client_id", TestOidcProvider.CLIENT_ID,
						"client_secret", TestOidcProvider.CLIENT_SECRET, "allowed_domains", List.of(), "email_domains",
						emailDomains, "provisioning", true, "default_role", "member", "required", required));
		assertThat(configured.status()).as(configured.raw()).isEqualTo(200);
		ClaimedDomains.verifyAll(this.application, this.clock, this.api, admin, org);
	}

	private String orgOf(TestUser admin) {
		return this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
	}

	/** A person with an email of the given domain (signs up through the API). */
	private TestUser signUp(String email, String name) {
		String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		Api.Response r = this.api.post("/api/auth/signup", null,
				Map.of("email", email, "password", Api.PASSWORD, "name", name, "username", username));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return new TestUser(UUID.fromString(r.body().get("user").get("id").asString()), email, username, name,
				r.body().get("token").asString());
	}

}
