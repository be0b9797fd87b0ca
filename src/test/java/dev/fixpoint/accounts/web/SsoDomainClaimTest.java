package dev.fixpoint.accounts.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.EmailLinks;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.ClaimedDomains;
import dev.fixpoint.support.EmailedLinks;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization's claim of an email domain routes sign-ins to its provider only once
 * someone with an address at the domain confirmed it (the emailed link, or the claiming
 * admin's own verified email), and one organization per domain.
 */
class SsoDomainClaimTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnconfirmedClaimRoutesNobodyUntilItsEmailedLinkIsFollowed() {
		String domain = domain("bigcorp");
		TestUser admin = this.api.newUser("Claimer");
		String org = this.api.firstOrganization(admin);
		String id = configure(admin, org, List.of(domain), 200).body().get("id").asString();
		BrowserSession browser = BrowserSession.anonymous(baseUrl(), this.api);
		browser.get("/login");

		assertThat(claims(admin, org)).singleElement()
			.satisfies(c -> assertThat(c.get("verified").asBoolean()).isFalse());
		assertThat(browser.post("/login/continue", Map.of("email", "sam@" + domain)).body())
			.as("an unconfirmed claim sends nobody to the provider")
			.contains("name=\"password\"")
			.doesNotContain("/oauth2/authorization/" + id);

		Api.Response elsewhere = this.api.post(confirmation(org, domain), admin.token(),
				Map.of("email", "me@example.com"));
		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat(elsewhere.raw()).contains("must be an address at " + domain);
		assertThat(this.api.post(confirmation(org, domain), admin.token(), Map.of("email", "it@" + domain)).status())
			.isEqualTo(202);
		String token = EmailedLinks.token(this.context, this.clock, "it@" + domain, "Confirm " + domain);
		BrowserSession it = BrowserSession.anonymous(baseUrl(), this.api);
		Page form = it.get("/sso/domains/confirm?token=" + token);
		assertThat(form.text()).contains("Confirm the domain");
		assertThat(claims(admin, org).get(0).get("verified").asBoolean()).as("a GET confirms nothing").isFalse();
		Page done = it.post("/sso/domains/confirm", Map.of("token", token));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.text()).contains(domain + " is confirmed");
		assertThat(it.post("/sso/domains/confirm", Map.of("token", token)).status()).as("single use").isEqualTo(422);

		assertThat(claims(admin, org).get(0).get("verified").asBoolean()).isTrue();
		assertThat(browser.post("/login/continue", Map.of("email", "sam@" + domain)).body())
			.contains("/oauth2/authorization/" + id);
		assertThat(actions(org)).contains("org.sso_domain_confirmation_sent", "org.sso_domain_verified");
	}

	@Test
	void theClaimingAdminsOwnVerifiedEmailVerifiesItsDomainAtOnce() {
		String domain = domain("ownco");
		TestUser admin = this.api.newUserWithEmail("olga@" + domain, "Someone");
		EmailLinks links = this.context.getBean(EmailLinks.class);
		links.sendVerification(admin.id(), admin.email());
		links.verifyEmail(EmailedLinks.token(this.context, this.clock, admin.email(), "Verify your email"));
		String org = this.api.firstOrganization(admin);
		String other = domain("otherco");

		configure(admin, org, List.of(domain, other), 200);

		assertThat(claims(admin, org)).extracting(c -> c.get("domain").asString() + " " + c.get("verified").asBoolean())
			.containsExactlyInAnyOrder(domain + " true", other + " false");
		assertThat(this.jdbc.sql("""
				select after->>'verified_by' from audit_events where action = 'org.sso_domain_verified'
				  and actor_id = :admin and after->>'domain' = :domain
				""").param("admin", admin.id()).param("domain", domain).query(String.class).single())
			.isEqualTo("admin's own email");
	}

	@Test
	void aDomainIsVerifiedForOneOrganizationOnly() {
		String domain = domain("shared");
		TestUser first = this.api.newUser("First");
		TestUser second = this.api.newUser("Second");
		String firstOrg = this.api.firstOrganization(first);
		String secondOrg = this.api.firstOrganization(second);
		configure(first, firstOrg, List.of(domain), 200);
		configure(second, secondOrg, List.of(domain), 200);
		assertThat(this.api.post(confirmation(secondOrg, domain), second.token(), Map.of("email", "ops@" + domain))
			.status()).isEqualTo(202);
		String secondsLink = EmailedLinks.token(this.context, this.clock, "ops@" + domain, "Confirm " + domain);

		ClaimedDomains.verify(this.context, this.clock, this.api, first, firstOrg, domain);

		BrowserSession ops = BrowserSession.anonymous(baseUrl(), this.api);
		ops.get("/sso/domains/confirm?token=" + secondsLink);
		Page refused = ops.post("/sso/domains/confirm", Map.of("token", secondsLink));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text()).contains("another organization verified it first");
		assertThat(claims(second, secondOrg).get(0).get("verified").asBoolean()).isFalse();
		assertThat(configure(second, secondOrg, List.of(domain, domain("more")), 409).raw()).contains(domain);
		assertThat(this.api.get("/api/orgs/" + firstOrg + "/sso/email-domains", second.token()).status())
			.as("not their organization")
			.isIn(403, 404);
	}

	private List<JsonNode> claims(TestUser admin, String org) {
		Api.Response r = this.api.get("/api/orgs/" + org + "/sso/email-domains", admin.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body().valueStream().toList();
	}

	private List<String> actions(String org) {
		return this.jdbc.sql("""
				select a.action from audit_events a join organizations o on o.id = a.org_id where o.slug = :org
				""").param("org", org).query(String.class).list();
	}

	private static String confirmation(String org, String domain) {
		return "/api/orgs/" + org + "/sso/email-domains/" + domain + "/confirmation";
	}

	private Api.Response configure(TestUser admin, String org, List<String> domains, int status) {
		Api.Response r = this.api.put("/api/orgs/" + org + "/sso", admin.token(),
				Map.of("name", "Corp SSO", "issuer", "https://login.example.com/realms/corp", "client_id", "fixpoint",
						"client_secret", "not-a-real-secret", "allowed_domains", List.of(), "email_domains", domains,
						"provisioning", true, "default_role", "member", "required", false));
		assertThat(r.status()).as(r.raw()).isEqualTo(status);
		return r;
	}

	private static String domain(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
	}

}
