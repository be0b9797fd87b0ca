package dev.fixpoint.accounts.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider started by the test
 * ({@link TestOidcProvider}: discovery, JWKS, code flow, RS256 ID tokens): an
 * organization's admin sets it up; a new person is provisioned into the organization, an
 * existing one is linked by verified email; "SSO required" refuses their passwords with a
 * clear message; a domain not allowed or an unverified email is refused.
 */
class SingleSignOnTest extends IntegrationTest {

	private static TestOidcProvider provider;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final Map<String, String> admins = new java.util.HashMap<>();

	private final HttpClient outside = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startProvider() {
		provider = new TestOidcProvider();
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void aNewPersonIsProvisionedIntoTheOrganizationAndAMemberIsLinkedByEmail() {
		TestUser admin = this.api.newUser("Admin");
		String org = orgOf(admin);
		TestUser bob = this.api.newUser("Bob");
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", bob.username(), "role", "member"));
		configure(admin, org, List.of("example.com"), true, false);

		String jane = "jane-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		assertThat(browser.get("/login").text()).as("the sign-in page names no organization (email first)")
			.doesNotContain("Acme SSO");
		Page done = signInThroughProvider(browser, org,
				new TestOidcProvider.Person("jane-sub-" + UUID.randomUUID(), jane, true, "Jane Provisioned"));
		assertThat(done.isRedirectTo("/")).as("%s %s", done.status(), done.location()).isTrue();
		assertThat(browser.get("/projects").status()).isEqualTo(200);
		JsonNode members = this.api.get("/api/orgs/" + org + "/members", admin.token()).body();
		assertThat(members.toString()).contains(jane).contains("Jane Provisioned");

		BrowserSession bobs = BrowserSession.anonymous(baseUrl(), this.api);
		String bobSubject = "bob-sub-" + UUID.randomUUID();
		assertThat(signInThroughProvider(bobs, org, new TestOidcProvider.Person(bobSubject, bob.email(), true, "Bob"))
			.isRedirectTo("/")).isTrue();
		assertThat(bobs.get("/settings/security").text()).as("linked to Bob's own account").contains(bob.username());
		assertThat(this.jdbc
			.sql("select after::text from audit_events where action = 'auth.sso_linked' and actor_id = :bob")
			.param("bob", bob.id())
			.query(String.class)
			.single()).contains("\"provisioned\": false");
		BrowserSession again = BrowserSession.anonymous(baseUrl(), this.api);
		assertThat(signInThroughProvider(again, org,
				new TestOidcProvider.Person(bobSubject, "changed-" + bob.email(), true, "Bob"))
			.isRedirectTo("/")).as("the link is by subject once made").isTrue();
	}

	@Test
	void ssoRequiredRefusesMembersPasswordsWithAClearMessage() {
		TestUser admin = this.api.newUser("Admin");
		String org = orgOf(admin);
		TestUser bob = this.api.newUser("Bob");
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", bob.username(), "role", "member"));
		configure(admin, org, List.of(), true, true);

		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		Page refused = browser.signIn(bob.email(), Api.PASSWORD);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.text()).contains("requires single sign-on");
		Api.Response api = this.api.post("/api/auth/login", null,
				Map.of("email", bob.email(), "password", Api.PASSWORD));
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.body().get("detail").asString()).contains("requires single sign-on");
		assertThat(this.api.get("/api/me", bob.token()).status()).as("tokens keep working for scripts").isEqualTo(200);
		assertThat(browser.signIn(bob.email(), "a wrong password").text()).as("a wrong password tells nothing more")
			.doesNotContain("single sign-on");

		assertThat(signInThroughProvider(browser, org,
				new TestOidcProvider.Person("bob-" + UUID.randomUUID(), bob.email(), true, "Bob"))
			.isRedirectTo("/")).isTrue();
	}

	@Test
	void anOrganizationsProviderSignsInOnlyItsOwnMembersExistingAccounts() {
		TestUser admin = this.api.newUser("Admin");
		String org = orgOf(admin);
		TestUser carol = this.api.newUser("Carol");
		configure(admin, org, List.of(), true, false);

		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		String subject = "carol-" + UUID.randomUUID();
		Page refused = signInThroughProvider(browser, org,
				new TestOidcProvider.Person(subject, carol.email(), true, "Not Carol"));
		assertThat(refused.isRedirectTo("/login")).as("an org admin's provider cannot take over an outsider's account")
			.isTrue();
		assertThat(browser.get("/login").text()).contains("is not a member of the organization");
		assertThat(browser.get("/projects").location()).startsWith("/login");
		assertThat(this.api.get("/api/orgs/" + org + "/members", admin.token()).raw()).doesNotContain(carol.email());

		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", carol.username(), "role", "member"));
		assertThat(
				signInThroughProvider(browser, org, new TestOidcProvider.Person(subject, carol.email(), true, "Carol"))
					.isRedirectTo("/"))
			.as("a member is linked by verified email")
			.isTrue();
	}

	@Test
	void aDomainNotAllowedOrAnUnverifiedEmailIsRefused() {
		TestUser admin = this.api.newUser("Admin");
		String org = orgOf(admin);
		configure(admin, org, List.of("acme.test"), true, false);

		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		Page refused = signInThroughProvider(browser, org,
				new TestOidcProvider.Person("x-" + UUID.randomUUID(), "mallory@elsewhere.test", true, "Mallory"));
		assertThat(refused.isRedirectTo("/login")).isTrue();
		assertThat(browser.get("/login").text()).contains("Accounts of elsewhere.test cannot sign in with Acme SSO");
		assertThat(browser.get("/projects").location()).startsWith("/login");

		Page unverified = signInThroughProvider(browser, org,
				new TestOidcProvider.Person("y-" + UUID.randomUUID(), "eve@acme.test", false, "Eve"));
		assertThat(unverified.isRedirectTo("/login")).isTrue();
		assertThat(browser.get("/login").text()).contains("did not confirm your email address");
	}

	@Test
	void onlyOrganizationAdminsSeeOrChangeTheProviderAndTheSecretIsNeverShown() {
		TestUser admin = this.api.newUser("Admin");
		String org = orgOf(admin);
		TestUser bob = this.api.newUser("Bob");
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", bob.username(), "role", "member"));
		assertThat(this.api.get("/api/orgs/" + org + "/sso", admin.token()).status()).isEqualTo(404);
		configure(admin, org, List.of("example.com"), true, false);

		JsonNode stored = this.api.get("/api/orgs/" + org + "/sso", admin.token()).body();
		assertThat(stored.get("issuer").asString()).isEqualTo(provider.issuer());
		assertThat(stored.toString()).doesNotContain(TestOidcProvider.CLIENT_SECRET);
		assertThat(this.api.get("/api/orgs/" + org + "/sso", bob.token()).status()).isEqualTo(403);
		assertThat(this.api.put("/api/orgs/" + org + "/sso", bob.token(), body(List.of(), true, false)).status())
			.isEqualTo(403);
		Api.Response bad = this.api.put("/api/orgs/" + org + "/sso", admin.token(), Map.of("name", "", "issuer",
				"ftp://nope", "client_id", "x", "allowed_domains", List.of("not a domain")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).contains("issuer").contains("allowed_domains").contains("name");
		assertThat(this.api.delete("/api/orgs/" + org + "/sso", admin.token()).status()).isEqualTo(204);
	}

	@Test
	void theSecurityPageOffersTheSsoFormOnlyToTheOrganizationsAdmins() {
		TestUser admin = this.api.newUser("Admin");
		String org = orgOf(admin);
		TestUser bob = this.api.newUser("Bob");
		this.api.post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", bob.username(), "role", "member"));

		BrowserSession admins = BrowserSession.signedIn(baseUrl(), this.api, admin);
		assertThat(admins.get("/settings/security").body())
			.contains("action=\"/settings/security/orgs/" + org + "/sso\"");
		Page saved = admins.post("/settings/security/orgs/" + org + "/sso",
				Map.of("name", "Acme SSO", "issuer", provider.issuer(), "clientId", TestOidcProvider.CLIENT_ID,
						"clientSecret", TestOidcProvider.CLIENT_SECRET, "allowedDomains", "example.com, acme.test",
						"provisioning", "true", "defaultRole", "member"));
		assertThat(saved.isRedirectTo("/settings/security#org-two-factor"))
			.as("%s %s", saved.status(), saved.location())
			.isTrue();
		JsonNode stored = this.api.get("/api/orgs/" + org + "/sso", admin.token()).body();
		assertThat(stored.get("allowed_domains").toString()).contains("example.com").contains("acme.test");
		assertThat(stored.get("required").asBoolean()).isFalse();
		Page invalid = admins.post("/settings/security/orgs/" + org + "/sso",
				Map.of("name", "Acme SSO", "issuer", "not a url", "clientId", "x"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.text()).contains("Single sign-on was not saved");

		BrowserSession bobs = BrowserSession.signedIn(baseUrl(), this.api, bob);
		assertThat(bobs.get("/settings/security").body()).as("no form for a member")
			.doesNotContain("/settings/security/orgs/" + org + "/sso");
		assertThat(bobs
			.post("/settings/security/orgs/" + org + "/sso",
					Map.of("name", "Mine", "issuer", provider.issuer(), "clientId", "x", "clientSecret", "y"))
			.status()).isEqualTo(403);
	}

	private void configure(TestUser admin, String org, List<String> domains, boolean provisioning, boolean required) {
		this.admins.put(org, admin.token());
		Api.Response r = this.api.put("/api/orgs/" + org + "/sso", admin.token(),
				body(domains, provisioning, required));
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
	}

	private static Map<String, Object> body(List<String> domains, boolean provisioning, boolean required) {
		return Map.of("name", "Acme SSO", "issuer", provider.issuer(), "client_id", TestOidcProvider.CLIENT_ID,
				"client_secret", TestOidcProvider.CLIENT_SECRET, "allowed_domains", domains, "provisioning",
				provisioning, "default_role", "member", "required", required);
	}

	/**
	 * Follows the code flow as a browser does: the app's redirect to the provider, the
	 * provider's redirect back, the app's answer.
	 */
	private Page signInThroughProvider(BrowserSession browser, String org, TestOidcProvider.Person person) {
		provider.signInAs(person);
		browser.get("/login");
		String id = this.api.get("/api/orgs/" + org + "/sso", this.admins.get(org)).body().get("id").asString();
		Page toProvider = browser.get("/oauth2/authorization/" + id);
		assertThat(toProvider.status()).isEqualTo(302);
		String authorize = toProvider.location();
		assertThat(authorize).startsWith(provider.issuer() + "/authorize?");
		try {
			HttpResponse<String> back = this.outside.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			String callback = back.headers().firstValue("Location").orElseThrow();
			assertThat(callback).startsWith(baseUrl() + "/login/oauth2/code/");
			return browser.get(callback.substring(baseUrl().length()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String orgOf(TestUser user) {
		return this.api.get("/api/me", user.token()).body().get("organizations").get(0).get("slug").asString();
	}

}
