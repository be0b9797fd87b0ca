package dev.fixpoint.bugs.triage;

import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triage queue: unassigned to-do bugs, worst and oldest first, and assigning them.
 */
class TriagePageTest extends IntegrationTest {

	private TestUser ann;

	private String project;

	@BeforeEach
	void project() {
		this.ann = this.api.newUser("Ann");
		this.project = this.api.newProject(this.ann).get("key").asString();
	}

	@Test
	void listsOnlyUnassignedToDoBugsCriticalFirstThenOldest() {
		String lowOld = bug("Typo in footer", "low");
		String criticalOld = bug("Checkout button does nothing", "critical");
		String assigned = bug("Login loops", "critical");
		String started = bug("Slow search", "high");
		String criticalNew = bug("Payment page blank", "critical");
		this.api.patch("/api/bugs/" + assigned, this.ann.token(), Map.of("assignee_id", this.ann.id().toString()));
		this.api.patch("/api/bugs/" + started, this.ann.token(), Map.of("status", "in_progress"));

		Page page = signIn(this.ann).get("/p/" + this.project + "/triage");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).containsSubsequence("id=\"triage-" + criticalOld + "\"",
				"id=\"triage-" + criticalNew + "\"", "id=\"triage-" + lowOld + "\"");
		assertThat(page.body()).doesNotContain("triage-" + assigned + "\"", "triage-" + started + "\"");
		assertThat(page.body()).contains("data-row-link=\"/bugs/" + criticalOld + "\"", "data-assign-me");
	}

	@Test
	void assignToMeAssignsAndTakesTheBugOffTheQueue() {
		String key = bug("Checkout button does nothing", "critical");
		BrowserSession browser = signIn(this.ann);
		browser.get("/p/" + this.project + "/triage");

		Page assigned = browser.post("/p/" + this.project + "/triage/assign",
				Map.of("bug", key, "assignee", "me", "version", "1"));

		assertThat(assigned.status()).isEqualTo(302);
		assertThat(assigned.header("Location")).endsWith("/p/" + this.project + "/triage");
		assertThat(this.api.get("/api/bugs/" + key, this.ann.token()).body().get("assignee").get("id").asString())
			.isEqualTo(this.ann.id().toString());
		assertThat(browser.get("/p/" + this.project + "/triage").text()).contains("Nothing to triage");
	}

	@Test
	void htmxAssignmentAnswersWithNothingAndAToast() {
		String key = bug("Checkout button does nothing", "critical");
		TestUser dev = this.api.newUser("Dev");
		this.api.addMember(this.ann, this.project, dev, "developer");
		BrowserSession browser = signIn(this.ann);
		browser.get("/p/" + this.project + "/triage");

		Page answer = browser.post("/p/" + this.project + "/triage/assign",
				Map.of("bug", key, "assignee", dev.id().toString(), "version", "1"), Map.of("HX-Request", "true"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).doesNotContain(key);
		assertThat(answer.header("HX-Trigger")).contains("assigned to Dev");
		assertThat(this.api.get("/api/bugs/" + key, this.ann.token()).body().get("assignee").get("id").asString())
			.isEqualTo(dev.id().toString());
	}

	@Test
	void qaAndViewersSeeTheQueueButCannotAssign() {
		String key = bug("Checkout button does nothing", "critical");
		TestUser quinn = this.api.newUser("Quinn");
		TestUser vera = this.api.newUser("Vera");
		this.api.addMember(this.ann, this.project, quinn, "qa");
		this.api.addMember(this.ann, this.project, vera, "viewer");

		for (TestUser user : new TestUser[] { quinn, vera }) {
			BrowserSession browser = signIn(user);
			Page page = browser.get("/p/" + this.project + "/triage");
			assertThat(page.text()).contains(key);
			assertThat(page.body()).doesNotContain("data-assign-me", "Assign to me", "/triage/assign");
			Page refused = browser.post("/p/" + this.project + "/triage/assign",
					Map.of("bug", key, "assignee", "me", "version", "1"));
			assertThat(refused.status()).isEqualTo(403);
		}
		assertThat(this.api.get("/api/bugs/" + key, this.ann.token()).body().get("assignee").isNull()).isTrue();
	}

	private BrowserSession signIn(TestUser user) {
		return BrowserSession.signedIn(baseUrl(), this.api, user);
	}

	private String bug(String title, String severity) {
		return this.api.newBug(this.ann, this.project, title, severity).get("key").asString();
	}

}
