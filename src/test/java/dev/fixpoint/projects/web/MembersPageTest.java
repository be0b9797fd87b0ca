package dev.fixpoint.projects.web;

import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MembersPageTest extends IntegrationTest {

	@Test
	void nonMembersGetNotFound() {
		TestUser owner = this.api.newUser("Owner");
		String key = this.api.newProject(owner).get("key").asString();

		Page page = signedIn(this.api.newUser("Stranger")).get("/p/" + key + "/members");

		assertThat(page.status()).isEqualTo(404);
	}

	@Test
	void developersSeeAReadOnlyList() {
		TestUser owner = this.api.newUser("Owner");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(owner).get("key").asString();
		this.api.addMember(owner, key, dev, "developer");
		BrowserSession browser = signedIn(dev);

		Page page = browser.get("/p/" + key + "/members");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("@" + owner.username())
			.contains("role-developer")
			.doesNotContain("Add member")
			.doesNotContain("/remove");
		assertThat(browser.post("/p/" + key + "/members", Map.of("user", dev.username(), "role", "admin")).status())
			.isEqualTo(403);
	}

	@Test
	void anAdminAddsAMemberWhoThenAppears() {
		TestUser owner = this.api.newUser("Owner");
		TestUser qa = this.api.newUser("Quinn");
		String key = this.api.newProject(owner).get("key").asString();
		BrowserSession browser = signedIn(owner);
		browser.get("/p/" + key + "/members");

		Page added = browser.post("/p/" + key + "/members", Map.of("user", qa.email(), "role", "qa"));

		assertThat(added.isRedirectTo("/p/" + key + "/members")).isTrue();
		Page page = browser.follow(added);
		assertThat(page.body()).contains(qa.name() + " was added as QA.").contains("@" + qa.username());
	}

	@Test
	void anUnknownUserIsReportedInlineWithWhatWasTyped() {
		TestUser owner = this.api.newUser("Owner");
		String key = this.api.newProject(owner).get("key").asString();
		BrowserSession browser = signedIn(owner);
		browser.get("/p/" + key + "/members");

		Page retry = browser.post("/p/" + key + "/members", Map.of("user", "nobody-by-this-name", "role", "viewer"));

		assertThat(retry.status()).isEqualTo(400);
		assertThat(retry.body()).contains("No user with this email or username")
			.contains("value=\"nobody-by-this-name\"");
	}

	@Test
	void htmxRoleChangesAnswerWithThePanelAndTheLastAdminStays() {
		TestUser owner = this.api.newUser("Owner");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(owner).get("key").asString();
		this.api.addMember(owner, key, dev, "developer");
		BrowserSession browser = signedIn(owner);
		browser.get("/p/" + key + "/members");

		Page promoted = browser.htmxPost("/p/" + key + "/members/" + dev.id() + "/role", Map.of("role", "qa"));
		Page demoted = browser.htmxPost("/p/" + key + "/members/" + owner.id() + "/role", Map.of("role", "viewer"));

		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.body()).doesNotContain("<html")
			.contains("id=\"members-panel\"")
			.contains(dev.name() + " is now QA.");
		assertThat(demoted.status()).isEqualTo(200);
		assertThat(demoted.body()).contains("A project must keep at least one admin");
	}

	@Test
	void anAdminAddsAComponentWithAnOwner() {
		TestUser owner = this.api.newUser("Owner");
		String key = this.api.newProject(owner).get("key").asString();
		BrowserSession browser = signedIn(owner);
		browser.get("/p/" + key + "/members");

		Page added = browser.post("/p/" + key + "/components",
				Map.of("name", "Checkout", "ownerId", owner.id().toString()));

		assertThat(added.location()).isEqualTo("/p/" + key + "/members#components");
		assertThat(browser.get("/p/" + key + "/members").body()).contains("Checkout")
			.contains("Component Checkout was added.");
	}

	private BrowserSession signedIn(TestUser user) {
		return BrowserSession.signedIn(baseUrl(), this.api, user);
	}

}
