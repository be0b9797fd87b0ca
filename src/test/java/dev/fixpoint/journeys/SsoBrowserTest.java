package dev.fixpoint.journeys;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in a real browser against a real OpenID Connect provider started by the
 * test: the organization requires it, the sign-in page refuses the member's password and
 * offers the provider's button, which signs them in.
 */
class SsoBrowserTest extends BrowserTest {

	private static TestOidcProvider provider;

	@BeforeAll
	static void startProvider() {
		provider = new TestOidcProvider();
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void signInThroughTheOrganizationsProvider() {
		TestUser admin = this.api.newPerson("Olga Admin");
		String org = this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
		TestUser member = this.api.newPerson("Sam Member");
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", member.username(), "role", "member"));
		String name = "Acme " + UUID.randomUUID().toString().substring(0, 4);
		Api.Response configured = this.api.put("/api/orgs/" + org + "/sso", admin.token(),
				Map.of("name", name, "issuer", provider.issuer(), "client_id", TestOidcProvider.CLIENT_ID,
						"client_secret", TestOidcProvider.CLIENT_SECRET, "allowed_domains", List.of(), "provisioning",
						true, "default_role", "member", "required", true));
		assertThat(configured.status()).as(configured.raw()).isEqualTo(200);
		provider.signInAs(new TestOidcProvider.Person("sam-" + UUID.randomUUID(), member.email(), true, member.name()));

		open("/login");
		this.page.getByLabel("Email").fill(member.email());
		this.page.getByLabel("Password").fill(Api.PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("requires single sign-on");
		screenshot(this.page, "SsoBrowserTest-password-refused");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + name)).click();
		assertThat(this.page).hasURL(Pattern.compile("//[^/]+/$"));
	}

}
