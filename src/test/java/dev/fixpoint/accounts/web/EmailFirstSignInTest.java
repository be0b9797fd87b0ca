package dev.fixpoint.accounts.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.ClaimedDomains;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page is email first: it names no organization until an email of a domain
 * one claimed for its single sign-on is typed; then that provider (straight there when
 * the organization requires it, whose password step is refused), else the password step,
 * the same for an unknown address. Organization admins claim domains: validated, one
 * organization each (verified claims: {@code SsoDomainClaimTest}).
 */
class EmailFirstSignInTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void thePageNamesNoOrganizationUntilAnEmailOfItsDomainIsTyped() {
		String domain = domain("acme");
		TestUser admin = this.api.newUser("Claimer");
		String org = this.api.firstOrganization(admin);
		String name = "Acme " + UUID.randomUUID().toString().substring(0, 6);
		String id = configure(admin, org, name, List.of(domain), true).body().get("id").asString();
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);

		Page first = browser.get("/login");
		assertThat(first.text()).doesNotContain(name).contains("Continue");
		assertThat(first.body()).doesNotContain("/oauth2/authorization/" + id).doesNotContain("name=\"password\"");

		Page toProvider = browser.post("/login/continue", Map.of("email", "Sam@" + domain.toUpperCase()));
		assertThat(toProvider.status()).isEqualTo(200);
		assertThat(toProvider.body()).as("followed at once by js/sign-in.js (a GET navigation)")
			.contains("href=\"/oauth2/authorization/" + id + "\" data-follow")
			.doesNotContain("name=\"password\"");
		assertThat(toProvider.text()).contains("Continue with " + name);

		Page blank = browser.post("/login/continue", Map.of("email", " "));
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.text()).contains("Type your email address");
	}

	@Test
	void anyOtherEmailGetsThePasswordStepWhetherOrNotTheAccountExists() {
		TestUser ann = this.api.newUser("Ann");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.get("/login?next=/settings/tokens");

		Page known = browser.post("/login/continue", Map.of("email", ann.email(), "next", "/settings/tokens"));
		Page unknown = browser.post("/login/continue",
				Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "next", "/settings/tokens"));

		assertThat(known.status()).isEqualTo(200);
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(known.body()).contains("name=\"password\"")
			.contains("value=\"" + ann.email() + "\"")
			.contains("name=\"next\" value=\"/settings/tokens\"")
			.doesNotContain("id=\"sso-providers\"");
		assertThat(unknown.text()).as("the same page either way").isEqualTo(known.text());
		assertThat(browser
			.post("/login", Map.of("email", ann.email(), "password", Api.PASSWORD, "next", "/settings/tokens"))
			.isRedirectTo("/settings/tokens")).isTrue();
	}

	@Test
	void anOptionalProviderIsOfferedBesideThePassword() {
		String domain = domain("beta");
		TestUser admin = this.api.newUser("Claimer");
		String name = "Beta " + UUID.randomUUID().toString().substring(0, 6);
		configure(admin, this.api.firstOrganization(admin), name, List.of(domain), false);
		TestUser dan = this.api.newUserWithEmail("dan@" + domain, "Someone");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.get("/login");

		Page step = browser.post("/login/continue", Map.of("email", dan.email()));
		assertThat(step.status()).isEqualTo(200);
		assertThat(step.text()).contains("Sign in with " + name);
		assertThat(step.body()).contains("name=\"password\"");
		assertThat(browser.post("/login", Map.of("email", dan.email(), "password", Api.PASSWORD)).isRedirectTo("/"))
			.as("a password still works where single sign-on is not required")
			.isTrue();
	}

	@Test
	void anSsoOnlyDomainRefusesThePasswordStepWithTheProvidersButton() {
		String domain = domain("only");
		TestUser admin = this.api.newUser("Claimer");
		String name = "Only " + UUID.randomUUID().toString().substring(0, 6);
		String id = configure(admin, this.api.firstOrganization(admin), name, List.of(domain), true).body()
			.get("id")
			.asString();
		TestUser eve = this.api.newUserWithEmail("eve@" + domain, "Someone");
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);

		Page refused = browser.signIn(eve.email(), Api.PASSWORD);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.text()).contains(domain + " requires single sign-on").contains("Sign in with " + name);
		assertThat(refused.body()).contains("/oauth2/authorization/" + id);
		Api.Response api = this.api.post("/api/auth/login", null,
				Map.of("email", eve.email(), "password", Api.PASSWORD));
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.body().get("detail").asString()).contains("requires single sign-on");
		assertThat(browser.signIn(eve.email(), "a wrong password").text()).as("a wrong password tells nothing more")
			.contains("Invalid email or password");
	}

	@Test
	void domainsAreValidatedAndBelongToOneOrganization() {
		String domain = domain("one");
		TestUser first = this.api.newUser("First");
		TestUser second = this.api.newUser("Second");
		String firstOrg = this.api.firstOrganization(first);
		String secondOrg = this.api.firstOrganization(second);

		for (List<String> bad : List.of(List.of("not a domain"), List.of("gmail.com"), List.of("-x.test"))) {
			Api.Response refused = configure(first, firstOrg, "First", bad, false, 400);
			assertThat(refused.raw()).contains("email_domains");
		}
		Api.Response notAllowed = this.api.put("/api/orgs/" + firstOrg + "/sso", first.token(),
				body("First", List.of(domain), false, List.of("elsewhere.test")));
		assertThat(notAllowed.status()).isEqualTo(400);
		assertThat(notAllowed.raw()).contains("must also be an allowed domain");

		Api.Response saved = configure(first, firstOrg, "First", List.of(domain.toUpperCase(), domain), false, 200);
		assertThat(saved.body().get("email_domains").toString()).isEqualTo("[\"" + domain + "\"]");
		Api.Response taken = configure(second, secondOrg, "Second", List.of(domain), false, 409);
		assertThat(taken.raw()).contains(domain).doesNotContain("First");
		assertThat(configure(first, firstOrg, "First", List.of(domain), true, 200).status()).as("saved again")
			.isEqualTo(200);

		assertThat(this.api.delete("/api/orgs/" + firstOrg + "/sso", first.token()).status()).isEqualTo(204);
		configure(second, secondOrg, "Second", List.of(domain), false, 200);
		assertThat(this.jdbc.sql("""
				select a.after->>'email_domains' from audit_events a
				where a.actor_id = :actor and a.action = 'org.sso_configured' order by a.created_at desc limit 1
				""").param("actor", second.id()).query(String.class).single()).contains(domain);
	}

	private Api.Response configure(TestUser admin, String org, String name, List<String> domains, boolean required) {
		return configure(admin, org, name, domains, required, 200);
	}

	private Api.Response configure(TestUser admin, String org, String name, List<String> domains, boolean required,
			int status) {
		Api.Response r = this.api.put("/api/orgs/" + org + "/sso", admin.token(),
				body(name, domains, required, List.of()));
		assertThat(r.status()).as(r.raw()).isEqualTo(status);
		if (status == 200) {
			// a claimed domain routes sign-ins once someone at the domain confirmed it
			ClaimedDomains.verifyAll(this.context, this.clock, this.api, admin, org);
		}
		return r;
	}

	private static Map<String, Object> body(String name, List<String> domains, boolean required, List<String> allowed) {
		return Map.of("name", name, "issuer", "https://login.example.com/realms/" + name.toLowerCase().split(" ")[0],
				"client_id", "fixpoint", "client_secret", "not-a-real-secret", "allowed_domains", allowed,
				"email_domains", domains, "provisioning", true, "default_role", "member", "required", required);
	}

	private static String domain(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
	}

}
