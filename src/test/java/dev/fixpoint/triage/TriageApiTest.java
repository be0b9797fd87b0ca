package dev.fixpoint.triage;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TriageOn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triage through the API: duplicates by meaning with a score, suggestions with reasons,
 * accepting (an edit of the bug) and dismissing (recorded), settings, bad input. The
 * outbox delivers on the filing thread in tests, so a filed bug is embedded when its
 * answer arrives.
 */
@TriageOn
class TriageApiTest extends IntegrationTest {

	@Test
	void similarFindsARewordedDuplicateByMeaningWithItsScore() {
		TestUser ann = this.api.newUser("tann");
		String key = this.api.newProject(ann).path("key").asString();
		String hang = bug(ann, key, "Checkout hangs forever", "After confirming the order the spinner keeps turning.",
				"high");
		bug(ann, key, "Avatar upload shows a broken image", "The profile picture is not displayed.", "low");

		String query = "/api/projects/" + key + "/bugs/similar?title=App%20freezes%20when%20paying"
				+ "&description=I%20press%20Pay%20and%20the%20whole%20app%20stops%20responding";
		JsonNode similar = this.api.get(query, ann.token()).body();
		assertThat(similar.size()).isEqualTo(1);
		assertThat(similar.get(0).path("key").asString()).isEqualTo(hang);
		assertThat(similar.get(0).path("title").asString()).isEqualTo("Checkout hangs forever");
		assertThat(similar.get(0).path("score").asDouble()).isBetween(0.35, 1.0);

		// meaning off: words alone, which share none here
		assertThat(this.api.put("/api/projects/" + key + "/triage", ann.token(), settings(false, true)).status())
			.isEqualTo(200);
		assertThat(
				this.api.get("/api/projects/" + key + "/bugs/similar?title=App%20freezes%20when%20paying", ann.token())
					.body()
					.size())
			.isZero();
	}

	@Test
	void suggestionsComeWithReasonsAndAcceptingIsAnEditOfTheBug() {
		TestUser ann = this.api.newUser("tann");
		TestUser dev = this.api.newUser("tdev");
		String key = this.api.newProject(ann).path("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		String first = resolvedBy(ann, dev, key, "Customer charged twice", "One order, two charges on the card.");
		String second = resolvedBy(ann, dev, key, "Money debited two times",
				"My bank shows the same amount removed twice for one purchase.");
		String fresh = bug(ann, key, "Duplicate payment taken for a single order",
				"Clicking the buy button twice takes the money two times.", "low");

		JsonNode s = this.api.get("/api/bugs/" + fresh + "/suggestions", ann.token()).body();
		assertThat(s.path("severity").path("value").asString()).isEqualTo("critical");
		// "payment" alone would say high: the similar bugs say more
		assertThat(s.path("severity").path("reason").asString()).startsWith("like ").contains(first).contains(second);
		assertThat(s.path("priority").path("value").asString()).isEqualTo("P0");
		assertThat(s.path("priority").path("similar").toString()).contains(first).contains(second);
		assertThat(s.path("assignee").path("user").path("id").asString()).isEqualTo(dev.id().toString());
		assertThat(s.path("assignee").path("reason").asString()).startsWith("resolved similar bugs");
		assertThat(s.path("duplicates").toString()).contains(first).contains("\"score\"");

		Api.Response accepted = this.api.post("/api/bugs/" + fresh + "/suggestions/feedback", ann.token(),
				Map.of("kind", "priority", "value", "P0", "decision", "accepted"));
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.body().path("priority").asString()).isEqualTo("P0");
		assertThat(this.api.get("/api/bugs/" + fresh + "/history", ann.token()).raw()).contains("P0");
		assertThat(this.api
			.post("/api/bugs/" + fresh + "/suggestions/feedback", ann.token(),
					Map.of("kind", "assignee", "value", dev.id().toString(), "decision", "dismissed"))
			.body()
			.path("assignee")
			.isNull()).isTrue();

		JsonNode after = this.api.get("/api/bugs/" + fresh + "/suggestions", ann.token()).body();
		assertThat(after.path("assignee").isNull()).isTrue();
		JsonNode status = this.api.get("/api/projects/" + key + "/triage", ann.token()).body();
		assertThat(status.path("acceptance").toString()).contains("\"kind\":\"priority\",\"accepted\":1")
			.contains("\"kind\":\"assignee\",\"accepted\":0,\"dismissed\":1");
		assertThat(status.path("model").path("name").asString()).isEqualTo("all-MiniLM-L6-v2-q");
	}

	@Test
	void acceptingADuplicateResolvesTheBugAsItsDuplicate() {
		TestUser ann = this.api.newUser("tann");
		String key = this.api.newProject(ann).path("key").asString();
		String original = bug(ann, key, "Password reset email never arrives", "I got no mail.", "high");
		String copy = bug(ann, key, "Forgot password link not received", "The reset message is missing.", "high");
		assertThat(this.api.get("/api/bugs/" + copy + "/suggestions", ann.token()).body().path("duplicates").toString())
			.contains(original);

		JsonNode bug = this.api
			.post("/api/bugs/" + copy + "/suggestions/feedback", ann.token(),
					Map.of("kind", "duplicate", "value", original, "decision", "accepted"))
			.body();
		assertThat(bug.path("resolution").asString()).isEqualTo("duplicate");
		assertThat(bug.path("duplicate_of").asString()).isEqualTo(original);
	}

	@Test
	void refusalsAreProblems() {
		TestUser ann = this.api.newUser("tann");
		TestUser viewer = this.api.newUser("tview");
		String key = this.api.newProject(ann).path("key").asString();
		this.api.addMember(ann, key, viewer, "viewer");
		String bug = bug(ann, key, "Search returns no results", "Whatever I type.", "high");

		Api.Response bad = this.api.post("/api/bugs/" + bug + "/suggestions/feedback", ann.token(),
				Map.of("kind", "mood", "value", "", "decision", "maybe"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
		assertThat(bad.raw()).contains("kind");
		assertThat(this.api
			.post("/api/bugs/" + bug + "/suggestions/feedback", viewer.token(),
					Map.of("kind", "severity", "value", "low", "decision", "accepted"))
			.status()).isEqualTo(403);
		assertThat(this.api.get("/api/bugs/" + key + "-999/suggestions", ann.token()).status()).isEqualTo(404);
		assertThat(this.api.put("/api/projects/" + key + "/triage", viewer.token(), settings(true, true)).status())
			.isEqualTo(403);
		assertThat(
				this.api.get("/api/projects/" + key + "/bugs/similar?title=" + "x".repeat(201), ann.token()).status())
			.isEqualTo(400);
	}

	@Test
	void anyTextIsFiledAndEmbeddedOrSkippedWithAReason() {
		TestUser ann = this.api.newUser("tann");
		String key = this.api.newProject(ann).path("key").asString();
		bug(ann, key, "支付时应用卡住", "التطبيق يتجمد عند الدفع 🙁", "high");
		bug(ann, key, "Crash in **parser**", "```java\nthrow new Error();\n```\n<script>alert(1)</script>", "high");
		bug(ann, key, "Huge report", "word ".repeat(13_000), "low");
		bug(ann, key, "!!!", "<div></div>", "low");
		JsonNode progress = this.api.get("/api/projects/" + key + "/triage", ann.token()).body().path("progress");
		assertThat(progress.path("embedded").asInt()).isEqualTo(3);
		assertThat(progress.path("skipped").asInt()).isEqualTo(1);
		assertThat(progress.path("queued").asInt()).isZero();
	}

	private String bug(TestUser reporter, String key, String title, String description, String severity) {
		Api.Response r = this.api.post("/api/projects/" + key + "/bugs", reporter.token(),
				Map.of("title", title, "description", description, "severity", severity));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().path("key").asString();
	}

	private String resolvedBy(TestUser admin, TestUser dev, String key, String title, String description) {
		String bug = bug(admin, key, title, description, "critical");
		assertThat(this.api
			.patch("/api/bugs/" + bug, admin.token(), Map.of("priority", "P0", "assignee_id", dev.id().toString()))
			.status()).isEqualTo(200);
		assertThat(
				this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("status", "resolved", "resolution", "fixed"))
					.status())
			.isEqualTo(200);
		return bug;
	}

	private static Map<String, Object> settings(boolean duplicates, boolean others) {
		return Map.of("duplicates", duplicates, "severity", others, "priority", others, "assignee", others);
	}

}
