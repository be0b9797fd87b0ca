package dev.fixpoint.bugs.bulk;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk changes, CSV export and possible duplicates on the bug pages, as a browser without
 * JavaScript sees them.
 */
class BugBulkPagesTest extends IntegrationTest {

	private TestUser ann;

	private String project;

	private BrowserSession browser;

	@BeforeEach
	void signIn() {
		this.ann = this.api.newUser("Ann");
		this.project = this.api.newProject(this.ann).get("key").asString();
		this.browser = BrowserSession.signedIn(baseUrl(), this.api, this.ann);
	}

	@Test
	void bulkFormChangesTheCheckedBugsAndReportsTheRefusedOnes() {
		this.api.newBug(this.ann, this.project, "Checkout button does nothing", "low");
		this.api.newBug(this.ann, this.project, "Typo in footer", "low");
		TestUser bob = this.api.newUser("Bob");
		String other = this.api.newProject(bob).get("key").asString();
		this.api.newBug(bob, other, "Not Ann's bug", "low");

		Page list = this.browser.get("/p/" + this.project + "/bugs?severity=low");
		assertThat(list.body()).contains("name=\"ids\" value=\"" + this.project + "-1\"", "data-select-all",
				"action=\"/p/" + this.project + "/bugs/bulk\"");
		Page done = this.browser.post("/p/" + this.project + "/bugs/bulk",
				List.of(Map.entry("ids", this.project + "-1"), Map.entry("ids", this.project + "-2"),
						Map.entry("ids", other + "-1"), Map.entry("severity", "high"), Map.entry("tag_add", "ui"),
						Map.entry("assignee", "me"), Map.entry("back", "/p/" + this.project + "/bugs?severity=low")),
				Map.of());
		assertThat(done.isRedirectTo("/p/" + this.project + "/bugs?severity=low"))
			.as("%s %s %s", done.status(), done.location(), done.text())
			.isTrue();
		assertThat(this.browser.follow(done).text()).contains("2 updated, 1 refused:", other + "-1 — ");

		JsonNode bug = this.api.get("/api/bugs/" + this.project + "-2", this.ann.token()).body();
		assertThat(bug.get("severity").asString()).isEqualTo("high");
		assertThat(bug.get("tags").get(0).asString()).isEqualTo("ui");
		assertThat(bug.get("assignee").get("username").asString()).isEqualTo(this.ann.username());
		assertThat(this.api.get("/api/bugs/" + other + "-1", bob.token()).body().get("severity").asString())
			.isEqualTo("low");
	}

	@Test
	void bulkWithoutAChangeSaysSoAndChangesNothing() {
		this.api.newBug(this.ann, this.project, "Typo in footer", "low");
		this.browser.get("/p/" + this.project + "/bugs");
		Page done = this.browser.post("/p/" + this.project + "/bugs/bulk", Map.of("ids", this.project + "-1"));
		assertThat(done.isRedirectTo("/p/" + this.project + "/bugs"))
			.as("%s %s %s", done.status(), done.location(), done.text())
			.isTrue();
		assertThat(this.browser.follow(done).text()).contains("Nothing changed");
	}

	@Test
	void csvExportFollowsTheListFiltersAndIsOnlyForMembers() {
		this.api.newBug(this.ann, this.project, "Checkout button does nothing", "critical");
		this.api.newBug(this.ann, this.project, "Typo in footer", "low");
		assertThat(this.browser.get("/p/" + this.project + "/bugs?severity=critical").body())
			.contains("href=\"/p/" + this.project + "/bugs/export.csv?severity=critical\"");

		Page csv = this.browser.get("/p/" + this.project + "/bugs/export.csv?severity=critical");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).contains("Checkout button does nothing").doesNotContain("Typo in footer");

		TestUser eve = this.api.newUser("Eve");
		BrowserSession outsider = BrowserSession.signedIn(baseUrl(), this.api, eve);
		assertThat(outsider.get("/p/" + this.project + "/bugs/export.csv").status()).isEqualTo(404);
	}

	@Test
	void similarFragmentListsPossibleDuplicatesOrNothing() {
		this.api.newBug(this.ann, this.project, "Checkout button does nothing", "critical");
		assertThat(this.browser.get("/p/" + this.project + "/bugs/new").body())
			.contains("hx-post=\"/p/" + this.project + "/bugs/similar-fragment\"", "id=\"similar-bugs\"");

		Page similar = this.browser.htmxPost("/p/" + this.project + "/bugs/similar-fragment",
				Map.of("title", "checkout button broken"));
		assertThat(similar.status()).isEqualTo(200);
		assertThat(similar.text()).contains("Possible duplicates", this.project + "-1", "Checkout button does nothing");
		assertThat(similar.body()).contains("target=\"_blank\"");

		Page none = this.browser.htmxPost("/p/" + this.project + "/bugs/similar-fragment",
				Map.of("title", "zeppelin quasar"));
		assertThat(none.body()).doesNotContain("Possible duplicates");

		// a long description as typed so far (more than a URL may carry) is posted with
		// it
		String description = "Steps: open the cart, press the checkout button, nothing happens. ".repeat(310);
		assertThat(description.length()).isGreaterThan(20_000);
		Page longOne = this.browser.htmxPost("/p/" + this.project + "/bugs/similar-fragment",
				Map.of("title", "checkout button broken", "description", description));
		assertThat(longOne.status()).isEqualTo(200);
		assertThat(longOne.text()).contains("Possible duplicates", "Checkout button does nothing");
	}

	@Test
	void listLoadsTheSavedFiltersPanel() {
		assertThat(this.browser.get("/p/" + this.project + "/bugs").body())
			.contains("hx-get=\"/p/" + this.project + "/filters\"");
	}

}
