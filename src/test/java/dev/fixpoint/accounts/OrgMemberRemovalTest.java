package dev.fixpoint.accounts;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization admins remove someone: their organization and project memberships go (in
 * the organization only), nothing else is revoked, their assignments stay; the last admin
 * of the organization or of one of its projects cannot be removed; audited.
 */
class OrgMemberRemovalTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	TestUser ann;

	TestUser bob;

	String org;

	String key;

	@BeforeEach
	void organization() {
		this.ann = this.api.newPerson("Ann Admin");
		this.bob = this.api.newPerson("Bob Member");
		this.key = this.api.newProject(this.ann).get("key").asString();
		this.org = this.api.get("/api/me", this.ann.token()).body().get("organizations").get(0).get("slug").asString();
		assertThat(this.api
			.post("/api/orgs/" + this.org + "/members", this.ann.token(),
					Map.of("username", this.bob.username(), "role", "member"))
			.status()).isEqualTo(201);
		this.api.addMember(this.ann, this.key, this.bob, "developer");
	}

	@Test
	void removingSomeoneTakesThemOutOfTheOrganizationAndItsProjectsOnly() {
		String bug = this.api.newBug(this.ann, this.key, "Assigned to Bob", "high").get("key").asString();
		this.api.patch("/api/bugs/" + bug, this.ann.token(), Map.of("assignee_id", this.bob.id().toString()));

		assertThat(this.api.delete(member(this.bob), this.ann.token()).status()).isEqualTo(204);

		assertThat(this.api.get("/api/orgs/" + this.org + "/members", this.ann.token()).raw())
			.doesNotContain(this.bob.username());
		assertThat(this.api.get("/api/projects/" + this.key, this.bob.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/me", this.bob.token()).status()).as("their token still works").isEqualTo(200);
		assertThat(this.api.get("/api/me", this.bob.token()).body().get("organizations").toString())
			.as("their own organization stays")
			.isNotEqualTo("[]");
		assertThat(this.api.get("/api/bugs/" + bug, this.ann.token()).body().get("assignee").get("id").asString())
			.as("assignments stay, for the team to reassign")
			.isEqualTo(this.bob.id().toString());
		assertThat(audit("org.member_removed")).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("target_id", this.bob.id().toString())
				.containsEntry("before", "{\"role\": \"member\"}"));
		assertThat(audit("project.member_removed")).singleElement()
			.satisfies(row -> assertThat(row.get("before").toString()).contains("\"role\": \"developer\""));
		assertThat(this.api.delete(member(this.bob), this.ann.token()).status()).as("no longer a member")
			.isEqualTo(404);
	}

	@Test
	void theLastAdminOfTheOrganizationOrOfOneOfItsProjectsStays() {
		Api.Response self = this.api.delete(member(this.ann), this.ann.token());
		assertThat(self.status()).isEqualTo(409);
		assertThat(self.body().get("detail").asString()).contains("at least one admin");
		assertThat(this.api.delete(member(this.ann), this.bob.token()).status()).isEqualTo(403);

		String orgId = this.api.get("/api/me", this.bob.token())
			.body()
			.get("organizations")
			.valueStream()
			.filter(o -> o.get("slug").asString().equals(this.org))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		String bobsProject = this.api
			.post("/api/projects", this.bob.token(),
					Map.of("name", "Bob's", "key", "BOB" + (System.nanoTime() % 1000), "org_id", orgId))
			.body()
			.get("key")
			.asString();
		Api.Response lastProjectAdmin = this.api.delete(member(this.bob), this.ann.token());
		assertThat(lastProjectAdmin.status()).isEqualTo(409);
		assertThat(lastProjectAdmin.body().get("detail").asString()).contains("last admin of " + bobsProject);
		assertThat(this.api.get("/api/orgs/" + this.org + "/members", this.ann.token()).raw()).as("nothing was removed")
			.contains(this.bob.username());
		assertThat(this.api.get("/api/projects/" + this.key, this.bob.token()).status()).isEqualTo(200);
		assertThat(audit("org.member_removed")).isEmpty();
	}

	@Test
	void theMembersPageOffersRemoveToAdminsOnly() {
		BrowserSession admin = BrowserSession.signedIn(baseUrl(), this.api, this.ann);
		BrowserSession member = BrowserSession.signedIn(baseUrl(), this.api, this.bob);
		String removeBob = "/orgs/" + this.org + "/members/" + this.bob.id() + "/remove";

		assertThat(admin.get("/orgs/" + this.org + "/members").body()).contains(removeBob)
			.doesNotContain("/members/" + this.ann.id() + "/remove");
		assertThat(member.get("/orgs/" + this.org + "/members").body()).doesNotContain("/remove\"");

		BrowserSession.Page refused = admin.post("/orgs/" + this.org + "/members/" + this.ann.id() + "/remove",
				Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text()).contains("at least one admin");
		BrowserSession.Page removed = admin.post(removeBob, Map.of());
		assertThat(removed.isRedirectTo("/orgs/" + this.org + "/members#members")).isTrue();
		assertThat(admin.follow(removed).text()).contains("Removed from the organization")
			.doesNotContain(this.bob.name());
	}

	private String member(TestUser user) {
		return "/api/orgs/" + this.org + "/members/" + user.id();
	}

	private List<Map<String, Object>> audit(String action) {
		return this.jdbc.sql("""
				select a.target_id, a.before::text as before from audit_events a join organizations o on o.id = a.org_id
				where o.slug = :org and a.action = :action
				""").param("org", this.org).param("action", action).query().listOfRows();
	}

}
