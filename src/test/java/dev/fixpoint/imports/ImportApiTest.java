package dev.fixpoint.imports;

import java.util.List;

import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ImportApiTest extends IntegrationTest {

	@Autowired
	ImportRunner runner;

	private ImportFixtures fixtures;

	private TestUser admin;

	private TestUser fox;

	private String key;

	@BeforeEach
	void project() {
		this.fixtures = new ImportFixtures(baseUrl(), this.json);
		this.admin = this.api.newUser("Importer");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.fox = this.api.newPerson("Fox Mulder");
		this.api.addMember(this.admin, this.key, this.fox, "developer");
		TestUser walter = this.api.newPerson("Walter Skinner");
		this.api.addMember(this.admin, this.key, walter, "viewer");
	}

	private JsonNode importJira(boolean dryRun) {
		Api.Response started = this.fixtures.upload(this.admin, this.key, "jira_csv", "jira.csv",
				ImportFixtures.file("jira-export.csv"), dryRun,
				"{\"base_url\": \"https://acme.atlassian.net\", \"people\": {\"fox.mulder\": \"" + this.fox.email()
						+ "\"}}");
		assertThat(started.status()).as(started.raw()).isEqualTo(202);
		assertThat(started.body().get("state").asString()).isEqualTo("queued");
		assertThat(started.header("Location")).isEqualTo("/api/imports/" + started.body().get("id").asString());
		while (this.runner.runNext()) {
			// run every queued job
		}
		return this.api.get("/api/imports/" + started.body().get("id").asString(), this.admin.token()).body();
	}

	private List<JsonNode> bugs() {
		JsonNode items = this.api.get("/api/projects/" + this.key + "/bugs?limit=100", this.admin.token())
			.body()
			.get("items");
		List<JsonNode> list = new java.util.ArrayList<>();
		items.forEach(list::add);
		return list;
	}

	@Test
	void aDryRunCountsWhatWouldHappenAndWritesNothing() {
		JsonNode job = importJira(true);
		assertThat(job.get("state").asString()).isEqualTo("done");
		assertThat(job.get("total").asInt()).isEqualTo(6);
		assertThat(job.get("processed").asInt()).isEqualTo(6);
		assertThat(job.get("created").asInt()).isEqualTo(5);
		assertThat(job.get("skipped").asInt()).isEqualTo(1);
		JsonNode report = job.get("report");
		assertThat(report.get("statuses").get("open").asInt()).isEqualTo(2);
		assertThat(report.get("statuses").get("in_progress").asInt()).isEqualTo(1);
		assertThat(report.get("statuses").get("resolved").asInt()).isEqualTo(1);
		assertThat(report.get("statuses").get("closed").asInt()).isEqualTo(1);
		assertThat(report.get("status_mapping").get("Done").asString()).isEqualTo("resolved");
		assertThat(report.get("priorities").get("P0").asInt()).isEqualTo(1);
		assertThat(report.get("assignees").get("Fox Mulder").asInt()).isEqualTo(3);
		assertThat(report.get("unknown_people").get("Dana Scully").asInt()).isGreaterThanOrEqualTo(3);
		List<String> warnings = job.get("warnings")
			.valueStream()
			.map(w -> w.get("line").asInt() + " " + w.get("original").asString() + ": " + w.get("message").asString())
			.toList();
		assertThat(warnings).contains("19 WEB-105: no Summary: skipped",
				"20 WEB-106: status 'Waiting for customer' is not mapped: Open",
				"20 WEB-106: created date 'sometime last week' is not a date this import reads: ignored",
				"20 WEB-106: Walter Skinner may not be assigned bugs (viewer): unassigned");
		assertThat(bugs()).isEmpty();
	}

	@Test
	void importedBugsKeepTheirDatesKeysAndTextAsMarkdownAndNotifyNobody() {
		JsonNode job = importJira(false);
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(5);
		assertThat(this.events.ofType(BugCreated.class)).noneMatch(e -> e.key().startsWith(this.key + "-"));
		JsonNode safari = bugs().stream()
			.filter(b -> b.get("title").asString().startsWith("Login button"))
			.findFirst()
			.orElseThrow();
		assertThat(safari.get("created_at").asString()).isEqualTo("2024-03-01T09:15:00Z");
		assertThat(safari.get("updated_at").asString()).isEqualTo("2024-03-04T14:40:00Z");
		assertThat(safari.get("priority").asString()).isEqualTo("P1");
		assertThat(safari.get("severity").asString()).isEqualTo("high");
		assertThat(safari.get("assignee").get("id").asString()).isEqualTo(this.fox.id().toString());
		assertThat(safari.get("reporter").get("id").asString()).isEqualTo(this.admin.id().toString());
		assertThat(safari.get("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("safari",
				"login");
		assertThat(safari.get("description").asString()).contains("## Steps", "1. Open", "**Safari 17**", "`Sign in`",
				"```javascript", "[the Safari release notes](https://developer.apple.com/safari/)", "@fox.mulder",
				"**Environment:** macOS 14.3");
		JsonNode done = bugs().stream()
			.filter(b -> b.get("title").asString().startsWith("Search results"))
			.findFirst()
			.orElseThrow();
		assertThat(done.get("status").asString()).isEqualTo("resolved");
		assertThat(done.get("resolution").asString()).isEqualTo("fixed");
		assertThat(done.get("created_at").asString()).isEqualTo("2024-02-10T11:00:00Z");
		assertThat(done.get("sla_state").isNull() || done.get("sla_state").isMissingNode()).isTrue();
		JsonNode history = this.api.get("/api/bugs/" + safari.get("key").asString() + "/history", this.admin.token())
			.body();
		assertThat(history.toString()).contains("imported from Jira WEB-101");
	}

	@Test
	void runningTheSameFileAgainUpdatesAndNeverDuplicates() {
		importJira(false);
		List<String> keys = bugs().stream().map(b -> b.get("key").asString()).sorted().toList();
		JsonNode again = importJira(false);
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isEqualTo(5);
		assertThat(bugs().stream().map(b -> b.get("key").asString()).sorted().toList()).isEqualTo(keys);
		JsonNode dryRun = importJira(true);
		assertThat(dryRun.get("created").asInt()).isZero();
		assertThat(dryRun.get("updated").asInt()).isEqualTo(5);
	}

	@Test
	void theOriginalKeyTypedInSearchLeadsToTheImportedBug() {
		importJira(false);
		String key = bugs().stream()
			.filter(b -> b.get("title").asString().startsWith("Checkout total"))
			.findFirst()
			.orElseThrow()
			.get("key")
			.asString();
		JsonNode found = this.api.get("/api/search?q=WEB-102", this.admin.token()).body();
		assertThat(found.get("jump_to").asString()).as(found.toString()).isEqualTo(key);
	}

	@Test
	void onlyProjectAdminsImportAndOutsidersSeeNothing() {
		Api.Response byDeveloper = this.fixtures.upload(this.fox, this.key, "jira_csv", "jira.csv",
				ImportFixtures.file("jira-export.csv"), true, null);
		assertThat(byDeveloper.status()).isEqualTo(403);
		TestUser outsider = this.api.newUser("Outsider");
		Api.Response byOutsider = this.fixtures.upload(outsider, this.key, "jira_csv", "jira.csv",
				ImportFixtures.file("jira-export.csv"), true, null);
		assertThat(byOutsider.status()).isEqualTo(404);
		Api.Response started = this.fixtures.upload(this.admin, this.key, "jira_csv", "jira.csv",
				ImportFixtures.file("jira-export.csv"), true, null);
		String id = started.body().get("id").asString();
		assertThat(this.api.get("/api/imports/" + id, outsider.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/imports/" + id, this.fox.token()).status()).isEqualTo(403);
		assertThat(this.api.post("/api/imports/" + id + "/cancel", outsider.token(), null).status()).isEqualTo(404);
	}

	@Test
	void aMappingThatNamesWhatTheProjectLacksIsRefused() {
		Api.Response r = this.fixtures.upload(this.admin, this.key, "jira_csv", "jira.csv",
				ImportFixtures.file("jira-export.csv"), true,
				"{\"statuses\": {\"Done\": \"shipped\"}, \"priorities\": {\"High\": \"P9\"}}");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.raw()).contains("mapping.statuses.Done", "mapping.priorities.High");
		Api.Response unknownSource = this.fixtures.upload(this.admin, this.key, "bugzilla", "x.csv",
				ImportFixtures.file("jira-export.csv"), true, null);
		assertThat(unknownSource.status()).isEqualTo(400);
	}

}
