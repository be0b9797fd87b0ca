package dev.fixpoint.bugs.page;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The bug pages as a browser without JavaScript (and htmx) sees them. */
class BugPagesTest extends IntegrationTest {

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
	void listShowsFiledBugsAndFiltersBySeverityFromTheUrl() {
		this.api.newBug(this.ann, this.project, "Checkout button does nothing", "critical");
		this.api.newBug(this.ann, this.project, "Typo in footer", "low");

		Page all = this.browser.get("/p/" + this.project + "/bugs");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.text()).contains("Checkout button does nothing", "Typo in footer", "Critical", "Unassigned");
		assertThat(all.body()).contains("data-row-link=\"/bugs/" + this.project + "-1\"", "data-shortcut=\"/\"");

		Page critical = this.browser.get("/p/" + this.project + "/bugs?severity=critical");
		assertThat(critical.text()).contains("Checkout button does nothing").doesNotContain("Typo in footer");
	}

	@Test
	void htmxRequestGetsOnlyTheResultsFragmentAndTheCanonicalUrl() {
		this.api.newBug(this.ann, this.project, "Checkout button does nothing", "critical");
		Page fragment = this.browser.get("/p/" + this.project + "/bugs?severity=critical&q=&assignee=",
				Map.of("HX-Request", "true"));
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"bug-results\"", "Checkout button does nothing")
			.doesNotContain("<html", "<header");
		assertThat(fragment.header("HX-Push-Url")).isEqualTo("/p/" + this.project + "/bugs?severity=critical");
	}

	@Test
	void invalidFilterShowsAnInlineMessageInsteadOfAnErrorPage() {
		Page page = this.browser.get("/p/" + this.project + "/bugs?severity=catastrophic");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Severity 'catastrophic' is not one of critical, high, medium, low");
	}

	@Test
	void emptyListLinksToFilingABug() {
		Page page = this.browser.get("/p/" + this.project + "/bugs");
		assertThat(page.text()).contains("No bugs here yet");
		assertThat(page.body()).contains("href=\"/p/" + this.project + "/bugs/new\"");
	}

	@Test
	void newBugWithoutTitleIsShownAgainWithTheErrorAndWhatWasTyped() {
		this.browser.get("/p/" + this.project + "/bugs/new");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "   ");
		form.put("severity", "high");
		form.put("priority", "P1");
		form.put("steps_to_reproduce", "1. Open the cart\n2. Press pay");
		form.put("env_browser", "Firefox 140");
		form.put("env_extra", "locale: de-DE");
		form.put("tags", "checkout, payments");
		Page page = this.browser.post("/p/" + this.project + "/bugs/new", form);

		assertThat(page.status()).isEqualTo(422);
		assertThat(page.text()).contains("Title is required");
		assertThat(page.body()).contains("1. Open the cart\n2. Press pay", "value=\"Firefox 140\"", "locale: de-DE",
				"value=\"checkout, payments\"");
		assertThat(page.body()).containsPattern("value=\"high\"\\s+required\\s+checked");
		assertThat(page.body()).containsPattern("value=\"P1\"\\s+selected");
	}

	@Test
	void newBugIsFiledAndRedirectsToItsPage() {
		this.browser.get("/p/" + this.project + "/bugs/new");
		Page created = this.browser.post("/p/" + this.project + "/bugs/new",
				Map.of("title", "Login loops", "severity", "medium", "priority", "P2", "env_os", "Linux"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.header("Location")).endsWith("/bugs/" + this.project + "-1");
		Page page = this.browser.get("/bugs/" + this.project + "-1");
		assertThat(page.text()).contains("Login loops", "Medium", "Linux", "Ann", "reported this bug");
	}

	@Test
	void severityChangesInlineAndTheHistoryShowsIt() {
		JsonNode bug = this.api.newBug(this.ann, this.project, "Checkout button does nothing", "high");
		String key = bug.get("key").asString();
		this.browser.get("/bugs/" + key);

		Page saved = this.browser.post("/bugs/" + key + "/fields/severity",
				Map.of("value", "critical", "version", "1"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith("/bugs/" + key);

		Page page = this.browser.get("/bugs/" + key);
		assertThat(page.text()).contains("changed severity from high to critical");
		assertThat(this.api.get("/api/bugs/" + key, this.ann.token()).body().get("severity").asString())
			.isEqualTo("critical");
	}

	@Test
	void htmxInlineEditReturnsTheUpdatedBugFragment() {
		String key = this.api.newBug(this.ann, this.project, "Slow search", "low").get("key").asString();
		this.browser.get("/bugs/" + key);
		Page fragment = this.browser.post("/bugs/" + key + "/fields/priority", Map.of("value", "P0", "version", "1"),
				Map.of("HX-Request", "true"));
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"bug\"", "name=\"version\" value=\"2\"").doesNotContain("<html");
		assertThat(fragment.text()).contains("changed priority from P2 to P0");
	}

	@Test
	void staleVersionShowsTheConflictAndTheCurrentValues() {
		String key = this.api.newBug(this.ann, this.project, "Checkout button does nothing", "high")
			.get("key")
			.asString();
		this.api.patch("/api/bugs/" + key, this.ann.token(), Map.of("severity", "medium"));
		this.browser.get("/bugs/" + key);

		Page page = this.browser.post("/bugs/" + key + "/fields/severity", Map.of("value", "critical", "version", "1"));
		assertThat(page.status()).isEqualTo(409);
		assertThat(page.text()).contains("Someone else changed this bug", "Re-apply my change");
		assertThat(page.body()).containsPattern("value=\"medium\"\\s+selected");
		assertThat(this.api.get("/api/bugs/" + key, this.ann.token()).body().get("severity").asString())
			.isEqualTo("medium");
	}

	@Test
	void resolvingAsksForAResolutionOnlyWhenChosen() {
		String key = this.api.newBug(this.ann, this.project, "Crash on save", "high").get("key").asString();
		Page page = this.browser.get("/bugs/" + key);
		assertThat(page.text()).contains("Start progress", "Resolve");
		// no resolution input on the page itself: only in the (closed) dialog, and behind
		// the Resolve link without JavaScript
		assertThat(page.body()).doesNotContain("name=\"resolution\"", "placeholder=\"If duplicate");
		assertThat(page.body()).contains("href=\"/bugs/" + key + "?move=resolved#status\"");

		Page asking = this.browser.get("/bugs/" + key + "?move=resolved");
		assertThat(asking.body()).contains("class=\"card pending-move\"", "name=\"set.resolution\"",
				"name=\"set.duplicate_of\"");
		Page resolved = this.browser.post("/bugs/" + key + "/status",
				Map.of("status", "resolved", "set.resolution", "fixed", "version", "1"));
		assertThat(resolved.status()).isEqualTo(302);
		assertThat(this.browser.get("/bugs/" + key).text()).contains("changed status from Open to Resolved", "Fixed");
	}

	@Test
	void aResolvedBugOffersCloseAndReopenButNotASecondVerifyButton() {
		String key = this.api.newBug(this.ann, this.project, "Crash on save", "high").get("key").asString();
		this.api.patch("/api/bugs/" + key, this.ann.token(), Map.of("status", "resolved", "resolution", "fixed"));
		Page page = this.browser.get("/bugs/" + key);
		assertThat(page.text()).contains("Close", "Reopen").doesNotContain("Verify fix", "Verified by me + Close");
		// Close asks for the verification in the dialog
		assertThat(page.body()).contains("data-move-needs=\"verified_by\"");
	}

	@Test
	void viewersSeeNoControlsAndCannotFileBugs() {
		TestUser vic = this.api.newUser("Vic");
		this.api.addMember(this.ann, this.project, vic, "viewer");
		String key = this.api.newBug(this.ann, this.project, "Crash on save", "high").get("key").asString();
		BrowserSession viewer = BrowserSession.signedIn(baseUrl(), this.api, vic);

		Page page = viewer.get("/bugs/" + key);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("/fields/", "/status\"", "Edit report");
		assertThat(viewer.get("/p/" + this.project + "/bugs/new").status()).isEqualTo(403);
	}

	@Test
	void historyFragmentNamesTheAssignee() {
		TestUser dev = this.api.newUser("Dev");
		this.api.addMember(this.ann, this.project, dev, "developer");
		String key = this.api.newBug(this.ann, this.project, "Crash on save", "high").get("key").asString();
		this.api.patch("/api/bugs/" + key, this.ann.token(), Api.body("assignee_id", dev.id().toString()));
		Page history = this.browser.get("/bugs/" + key + "/history");
		assertThat(history.text()).contains("set assignee to " + dev.name());
	}

	@Test
	void historyNamesEarlierAssigneesWhoAreStillMembersAndNotThoseWhoLeft() {
		TestUser dev = this.api.newUser("Dev");
		TestUser qa = this.api.newUser("Qa");
		TestUser ops = this.api.newUser("Ops");
		this.api.addMember(this.ann, this.project, dev, "developer");
		this.api.addMember(this.ann, this.project, qa, "developer");
		this.api.addMember(this.ann, this.project, ops, "developer");
		String key = this.api.newBug(this.ann, this.project, "Crash on save", "high").get("key").asString();
		this.api.patch("/api/bugs/" + key, this.ann.token(), Api.body("assignee_id", dev.id().toString()));
		this.api.patch("/api/bugs/" + key, this.ann.token(), Api.body("assignee_id", ops.id().toString()));
		this.api.patch("/api/bugs/" + key, this.ann.token(), Api.body("assignee_id", qa.id().toString()));
		assertThat(this.api.delete("/api/projects/" + this.project + "/members/" + ops.id(), this.ann.token()).status())
			.isEqualTo(204);

		String history = this.browser.get("/bugs/" + key + "/history").text();
		// Dev is on the bug no more but still a member; Ops left the project
		assertThat(history).contains("set assignee to " + dev.name(), "a former member", qa.name())
			.doesNotContain(ops.name());
		assertThat(this.browser.get("/bugs/" + key).text()).contains("set assignee to " + dev.name(),
				"a former member");
	}

	@Test
	void theAssigneeSelectIsLoadedWhenOpenedAndOnlyForWhoMayAssign() {
		TestUser dev = this.api.newUser("Dev");
		TestUser vic = this.api.newUser("Vic");
		this.api.addMember(this.ann, this.project, dev, "developer");
		this.api.addMember(this.ann, this.project, vic, "viewer");
		String key = this.api.newBug(this.ann, this.project, "Crash on save", "high").get("key").asString();

		Page page = this.browser.get("/bugs/" + key);
		assertThat(page.body()).contains("href=\"/bugs/" + key + "/assignee\"")
			.doesNotContain("id=\"edit-assignee\"", dev.name());
		Page fragment = this.browser.get("/bugs/" + key + "/assignee", Map.of("HX-Request", "true"));
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"edit-assignee\"", dev.name(), "/bugs/" + key + "/fields/assignee_id")
			.doesNotContain("<html", vic.name());
		// without JavaScript: the page with the select open
		Page open = this.browser.get("/bugs/" + key + "/assignee");
		assertThat(open.body()).contains("<html", "id=\"edit-assignee\"", dev.name());

		BrowserSession viewer = BrowserSession.signedIn(baseUrl(), this.api, vic);
		assertThat(viewer.get("/bugs/" + key + "/assignee", Map.of("HX-Request", "true")).status()).isEqualTo(403);
		assertThat(viewer.get("/bugs/" + key + "/assignee").body()).doesNotContain("id=\"edit-assignee\"");
	}

}
