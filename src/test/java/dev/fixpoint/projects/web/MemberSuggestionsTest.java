package dev.fixpoint.projects.web;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The mention autocomplete's source: {@code GET /p/{key}/members/suggest?q=}. */
class MemberSuggestionsTest extends IntegrationTest {

	@Test
	void membersMatchingThePrefixAndNobodyElse() {
		TestUser ann = this.api.newUser("Ann");
		TestUser quinn = this.api.newUser("Qa");
		this.api.newUser("Qa"); // not a member
		String project = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, project, quinn, "qa");
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);

		Page suggestions = browser.get("/p/" + project + "/members/suggest?q=%40qa");
		assertThat(suggestions.status()).isEqualTo(200);
		assertThat(suggestions.header("content-type")).startsWith("application/json");
		JsonNode people = this.json.readTree(suggestions.body());
		assertThat(people.size()).isEqualTo(1);
		assertThat(people.get(0).get("username").asString()).isEqualTo(quinn.username());
		assertThat(people.get(0).get("name").asString()).isEqualTo(quinn.name());

		JsonNode byName = this.json.readTree(browser.get("/p/" + project + "/members/suggest?q=an").body());
		assertThat(byName.findValuesAsString("username")).containsExactly(ann.username());
	}

	@Test
	void nonMembersGet404() {
		TestUser ann = this.api.newUser("Ann");
		String project = this.api.newProject(ann).get("key").asString();
		TestUser stranger = this.api.newUser("Stranger");
		BrowserSession outsider = BrowserSession.signedIn(baseUrl(), this.api, stranger);
		assertThat(outsider.get("/p/" + project + "/members/suggest?q=a").status()).isEqualTo(404);
	}

}
