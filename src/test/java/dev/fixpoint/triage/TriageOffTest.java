package dev.fixpoint.triage;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentence model off ({@code fixpoint.triage.enabled=false}, as in the rest of the
 * test run): filing works and stores the title, similar bugs are found by words alone,
 * the suggestions API says triage is off, the status page counts the bugs as waiting, and
 * no page draws a control that leads to triage (no suggestions panel on the bug page, no
 * hints in the triage queue, no "Suggestions" settings in the project's navigation).
 */
class TriageOffTest extends IntegrationTest {

	@Test
	void withTheModelOffSimilarBugsAreFoundByWordsAndSuggestionsSaySo() {
		TestUser ann = this.api.newUser("toff");
		String key = this.api.newProject(ann).path("key").asString();
		String hang = bug(ann, key, "Checkout hangs forever", "After confirming the order the spinner keeps turning.");
		String other = bug(ann, key, "Avatar upload shows a broken image", "The profile picture is not displayed.");

		JsonNode byWords = this.api.get("/api/projects/" + key + "/bugs/similar?title=Checkout%20hangs", ann.token())
			.body();
		assertThat(byWords.size()).isEqualTo(1);
		assertThat(byWords.get(0).path("key").asString()).isEqualTo(hang);
		assertThat(byWords.get(0).path("score").asDouble()).isPositive();
		// no meaning: a reworded duplicate sharing no words is not found
		assertThat(this.api
			.get("/api/projects/" + key + "/bugs/similar?title=App%20freezes%20when%20paying"
					+ "&description=I%20press%20Pay%20and%20the%20whole%20app%20stops%20responding", ann.token())
			.body()
			.size()).isZero();

		JsonNode suggestions = this.api.get("/api/bugs/" + other + "/suggestions", ann.token()).body();
		assertThat(suggestions.path("enabled").asBoolean()).isFalse();
		assertThat(suggestions.path("severity").isNull()).isTrue();
		assertThat(suggestions.path("priority").isNull()).isTrue();
		assertThat(suggestions.path("assignee").isNull()).isTrue();

		JsonNode status = this.api.get("/api/projects/" + key + "/triage", ann.token()).body();
		assertThat(status.path("enabled").asBoolean()).isFalse();
		assertThat(status.path("progress").path("embedded").asInt()).isZero();
		assertThat(status.path("progress").path("queued").asInt()).isEqualTo(2);
	}

	@Test
	void withTheModelOffNoPageLeadsToTriage() {
		TestUser ann = this.api.newUser("toffui");
		String key = this.api.newProject(ann).path("key").asString();
		String bug = bug(ann, key, "Checkout hangs forever", "After confirming the order the spinner keeps turning.");
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);

		BrowserSession.Page page = browser.get("/bugs/" + bug);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Checkout hangs forever")
			.doesNotContain("triage-panel")
			.doesNotContain("/bugs/" + bug + "/triage")
			.doesNotContain("/p/" + key + "/settings/triage")
			.contains("/p/" + key + "/settings/workflow");
		assertThat(browser.htmxGet("/bugs/" + bug + "/triage").body()).doesNotContain("Suggestions")
			.doesNotContain("off on this server");
		BrowserSession.Page queue = browser.get("/p/" + key + "/triage");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains(bug).doesNotContain("/triage/hints");
	}

	private String bug(TestUser reporter, String key, String title, String description) {
		Api.Response r = this.api.post("/api/projects/" + key + "/bugs", reporter.token(),
				Map.of("title", title, "description", description, "severity", "high"));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().path("key").asString();
	}

}
