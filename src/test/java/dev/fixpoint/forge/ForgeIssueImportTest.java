package dev.fixpoint.forge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.fixpoint.imports.ImportJobs;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a linked repository's issues, against WireMock standing in for a GitHub
 * Enterprise API ({@code /api/v3}, the same REST API as api.github.com) and a GitLab
 * instance ({@code /api/v4}): the import runs on the imports engine with the link's
 * token, follows the pages (GitHub's Link header, GitLab's X-Next-Page), waits out rate
 * limits as the forge asks (the waits recorded, not slept), maps labels, states and
 * people, re-runs without duplicates, dry-runs without writing; and every imported issue
 * takes part in the two-way status sync.
 */
class ForgeIssueImportTest extends IntegrationTest {

	private static final String SECRET = "issue-import-webhook-secret";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private ImportJobs jobs;

	private WireMockServer forge;

	private ForgeDeliveries deliveries;

	private TestUser admin;

	private TestUser fox;

	private String key;

	private UUID projectId;

	private String repo;

	@BeforeEach
	void project() {
		this.jobs = new ImportJobs(this.context);
		this.jobs.runAll();
		this.forge = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.forge.start();
		this.deliveries = new ForgeDeliveries(baseUrl());
		this.admin = this.api.newUser("forge-import");
		JsonNode project = this.api.newProject(this.admin);
		this.key = project.get("key").asString();
		this.projectId = UUID.fromString(project.get("id").asString());
		this.fox = this.api.newPerson("Fox Mulder");
		this.api.addMember(this.admin, this.key, this.fox, "developer");
		this.repo = "octo-org/" + this.key.toLowerCase();
	}

	@AfterEach
	void stop() {
		this.jobs.sleepAgain();
		this.forge.stop();
	}

	@Test
	void gitHubIssuesComeInWithLabelsStatesCommentsByNameAndTheirAddress() {
		String link = link("github", this.repo);
		stubGitHubIssues();

		JsonNode dryRun = importIssues(link, "{\"dry_run\": true}");
		assertThat(dryRun.get("state").asString()).as(dryRun.toString()).isEqualTo("done");
		assertThat(dryRun.get("created").asInt()).isEqualTo(3);
		assertThat(dryRun.get("skipped").asInt()).as("the pull request").isEqualTo(1);
		assertThat(dryRun.at("/report/priority_mapping").toString()).contains("\"high\":\"P1\"");
		assertThat(count("select count(*) from bugs where project_id = :p")).as("a dry run writes nothing").isZero();

		JsonNode job = importIssues(link, "{\"mapping\": {\"priorities\": {\"urgent\": \"P0\"}}}");
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(3);
		assertThat(job.get("comments").asInt()).isEqualTo(2);
		Map<String, Object> crash = bug(this.repo + "#1");
		assertThat(crash.get("title")).isEqualTo("Checkout crashes on an empty cart");
		assertThat(crash.get("priority")).as("'priority: high'").isEqualTo("P1");
		assertThat(crash.get("severity")).as("'severity: critical'").isEqualTo("critical");
		assertThat(crash.get("tags").toString()).contains("bug", "priority-high", "severity-critical");
		assertThat(crash.get("status")).isEqualTo("open");
		assertThat(crash.get("github_issue_url")).isEqualTo("https://ghe.example.com/" + this.repo + "/issues/1");
		assertThat(crash.get("reporter_id")).as("Fox by his login").isEqualTo(this.fox.id());
		assertThat(bug(this.repo + "#2").get("priority")).as("the mapping's label").isEqualTo("P0");
		Map<String, Object> closed = bug(this.repo + "#4");
		assertThat(closed.get("status")).isIn("resolved", "closed");
		assertThat(closed.get("resolution")).isEqualTo("wont_fix");
		List<Map<String, Object>> comments = this.jdbc
			.sql("select author_id, content from comments where bug_id = :b order by created_at")
			.param("b", crash.get("id"))
			.query()
			.listOfRows();
		assertThat(comments).hasSize(2);
		assertThat(comments.get(0).get("author_id")).isEqualTo(this.fox.id());
		assertThat((String) comments.get(1).get("content")).startsWith("_Dana Scully (dana) wrote in GitHub:_");
		this.forge.verify(getRequestedFor(urlPathEqualTo("/api/v3/repos/" + this.repo + "/issues"))
			.withQueryParam("page", equalTo("2"))
			.withHeader("Authorization", equalTo("Bearer ghp-import-token")));
		this.forge.verify(getRequestedFor(urlPathEqualTo("/api/v3/repos/" + this.repo + "/issues/1/comments"))
			.withQueryParam("page", equalTo("2")));
		assertThat(count("select count(*) from forge_issues i join bugs b on b.id = i.bug_id where b.project_id = :p"))
			.as("every imported issue is synced")
			.isEqualTo(3);

		JsonNode again = importIssues(link, "{\"mapping\": {\"priorities\": {\"urgent\": \"P0\"}}}");
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isEqualTo(3);
		assertThat(again.get("comments").asInt()).isZero();
		assertThat(count("select count(*) from bugs where project_id = :p")).isEqualTo(3);
		assertThat(count("select count(*) from comments c join bugs b on b.id = c.bug_id where b.project_id = :p"))
			.isEqualTo(2);
	}

	@Test
	void rateLimitsAreWaitedOutAsTheForgeAsks() {
		String link = link("github", this.repo);
		List<Duration> waits = this.jobs.recordWaits(Duration.ofHours(1));
		this.clock.freeze();
		long reset = Instant.now(this.clock).getEpochSecond() + 42;
		String issues = "/api/v3/repos/" + this.repo + "/issues";
		this.forge.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("1"))
			.inScenario("limits")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(429, "{\"message\": \"API rate limit exceeded\"}").withHeader("Retry-After", "7"))
			.willSetStateTo("waited once"));
		this.forge.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("1"))
			.inScenario("limits")
			.whenScenarioStateIs("waited once")
			.willReturn(json(200, "[" + issue(1, "First", "open", null, "fox", 0) + "]")
				.withHeader("X-RateLimit-Remaining", "0")
				.withHeader("X-RateLimit-Reset", String.valueOf(reset))
				.withHeader("Link", "<" + this.forge.baseUrl() + issues + "?state=all&page=2>; rel=\"next\"")));
		this.forge.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("2"))
			.inScenario("limits")
			.whenScenarioStateIs("waited once")
			.willReturn(json(403, "{\"message\": \"You have exceeded a secondary rate limit\"}")
				.withHeader("Retry-After", "3"))
			.willSetStateTo("waited thrice"));
		this.forge.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("2"))
			.inScenario("limits")
			.whenScenarioStateIs("waited thrice")
			.willReturn(json(200, "[" + issue(2, "Second", "open", null, "fox", 0) + "]")));

		JsonNode job = importIssues(link, "{}");

		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		// the first page is read twice (counting, then importing): each time its "no
		// requests left" is waited out
		assertThat(waits).hasSizeGreaterThanOrEqualTo(3);
		assertThat(waits.get(0)).as("Retry-After of the 429").isEqualTo(Duration.ofSeconds(7));
		assertThat(waits.subList(1, waits.size() - 1)).as("no requests left: until X-RateLimit-Reset")
			.allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(41), Duration.ofSeconds(42)));
		assertThat(waits.get(waits.size() - 1)).as("the secondary limit's Retry-After")
			.isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void gitLabIssuesFollowXNextPageAndBringTheirNotesButNotTheSystemsOnes() {
		String path = "acme-" + this.key.toLowerCase() + "/shop";
		String link = link("gitlab", path);
		List<Duration> waits = this.jobs.recordWaits(Duration.ofHours(1));
		this.clock.freeze();
		String issues = "/api/v4/projects/" + path.replace("/", "%2F") + "/issues";
		this.forge.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("1"))
			.inScenario("gitlab")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(429, "{\"message\": \"Retry later\"}").withHeader("RateLimit-Reset",
					String.valueOf(Instant.now(this.clock).getEpochSecond() + 5)))
			.willSetStateTo("ready"));
		this.forge.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("1"))
			.inScenario("gitlab")
			.whenScenarioStateIs("ready")
			.willReturn(json(200,
					"[" + gitlabIssue(path, 1, "Login loops forever", "opened", 2,
							"\"priority::high\", \"severity::critical\", \"frontend\"") + ", "
							+ gitlabIssue(path, 2, "Typo on the pricing page", "opened", 0, "\"P3\"") + "]")
				.withHeader("X-Next-Page", "2")
				.withHeader("X-Total", "3")));
		this.forge.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("2"))
			.willReturn(json(200, "[" + gitlabIssue(path, 3, "Old crash", "closed", 0, "") + "]")
				.withHeader("X-Next-Page", "")
				.withHeader("X-Total", "3")));
		this.forge.stubFor(get(urlPathEqualTo(issues + "/1/notes")).willReturn(json(200, """
				[{"id": 301, "body": "added ~frontend label", "system": true, "created_at": "2024-03-01T10:05:00Z",
				  "author": {"username": "dana", "name": "Dana Scully"}},
				 {"id": 302, "body": "Happens on Firefox only.", "system": false, "created_at": "2024-03-01T11:00:00Z",
				  "author": {"username": "dana", "name": "Dana Scully"}}]
				""")));

		JsonNode job = importIssues(link, "{}");

		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(3);
		assertThat(job.get("comments").asInt()).isEqualTo(1);
		assertThat(waits).hasSize(1);
		assertThat(waits.get(0)).as("until RateLimit-Reset").isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
		Map<String, Object> loop = bug(path + "#1");
		assertThat(loop.get("priority")).isEqualTo("P1");
		assertThat(loop.get("severity")).isEqualTo("critical");
		assertThat(loop.get("import_url")).isEqualTo("https://gitlab.example.com/" + path + "/-/issues/1");
		assertThat(loop.get("reporter_id")).isEqualTo(this.fox.id());
		assertThat(bug(path + "#2").get("priority")).isEqualTo("P3");
		assertThat(bug(path + "#3").get("status")).isIn("resolved", "closed");
		assertThat(this.jdbc.sql("select content from comments where bug_id = :b")
			.param("b", loop.get("id"))
			.query(String.class)
			.single()).isEqualTo("_Dana Scully (dana) wrote in GitLab:_\n\nHappens on Firefox only.");
		this.forge.verify(getRequestedFor(urlPathEqualTo(issues)).withQueryParam("page", equalTo("2"))
			.withHeader("PRIVATE-TOKEN", equalTo("ghp-import-token")));

		// closing the imported bug closes the GitLab issue (the recorded body), its echo
		// is ignored
		this.forge.stubFor(put(urlEqualTo(issues + "/1")).willReturn(json(200, "{\"iid\": 1}")));
		assertThat(this.api
			.patch("/api/bugs/" + loop.get("id"), this.admin.token(),
					Map.of("status", "resolved", "resolution", "fixed"))
			.status()).isEqualTo(200);
		this.forge.verify(1, putRequestedFor(urlEqualTo(issues + "/1"))
			.withRequestBody(equalToJson("{\"state_event\": \"close\"}")));
		ObjectNode echo = this.deliveries.example("gitlab/issue.json", p -> {
			ForgeDeliveries.at(p, "project").put("path_with_namespace", path);
			ForgeDeliveries.at(p, "object_attributes").put("iid", 1).put("action", "close");
		});
		assertThat(this.deliveries.gitlab("Issue Hook", echo, SECRET).body()).contains("our own change, ignored");
	}

	@Test
	void anImportedIssueIsSyncedBothWaysWithoutPingPong() {
		String link = link("github", this.repo);
		this.forge.stubFor(get(urlPathEqualTo("/api/v3/repos/" + this.repo + "/issues"))
			.willReturn(json(200, "[" + issue(7, "Search returns nothing", "open", null, "fox", 0) + "]")));
		this.forge.stubFor(
				patch(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/7")).willReturn(json(200, "{\"number\": 7}")));
		assertThat(importIssues(link, "{}").get("created").asInt()).isEqualTo(1);
		String bug = bug(this.repo + "#7").get("id").toString();

		// closing the bug closes the issue
		assertThat(this.api
			.patch("/api/bugs/" + bug, this.admin.token(), Map.of("status", "resolved", "resolution", "fixed"))
			.status()).isEqualTo(200);
		this.forge.verify(1,
				patchRequestedFor(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/7"))
					.withHeader("Authorization", equalTo("Bearer ghp-import-token"))
					.withRequestBody(equalToJson("{\"state\": \"closed\"}")));
		// GitHub's webhook for our own close is recognised and changes nothing
		ObjectNode closed = issueEvent("closed", 7);
		assertThat(this.deliveries.github("issues", closed, SECRET).body()).contains("our own change, ignored");
		assertThat(bug(this.repo + "#7").get("status")).isEqualTo("resolved");

		// reopened on GitHub: the bug moves, and nothing is pushed back
		assertThat(this.deliveries.github("issues", issueEvent("reopened", 7), SECRET).body())
			.contains("moved to " + "open");
		assertThat(bug(this.repo + "#7").get("status")).isEqualTo("open");
		this.forge.verify(0, patchRequestedFor(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/7"))
			.withRequestBody(equalToJson("{\"state\": \"open\"}")));
		// closed on GitHub again: the bug is resolved as GitHub, still no PATCH back
		assertThat(this.deliveries.github("issues", issueEvent("closed", 7), SECRET).body()).contains("moved to");
		assertThat(bug(this.repo + "#7").get("status")).isNotEqualTo("open");
		this.forge.verify(1, patchRequestedFor(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/7")));
	}

	@Test
	void aLinkWithoutAccessTokenCannotImportAndAnotherProjectsLinkIsNotFound() {
		Api.Response created = this.api.post("/api/projects/" + this.key + "/integrations", this.admin.token(),
				Map.of("forge", "github", "repository", this.repo, "webhook_secret", SECRET));
		String link = created.body().at("/link/id").asString();
		Api.Response refused = this.api.post("/api/projects/" + this.key + "/integrations/" + link + "/imports",
				this.admin.token(), Map.of());
		assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
		assertThat(refused.raw()).contains("access token");
		TestUser stranger = this.api.newUser("stranger");
		String other = this.api.newProject(stranger).get("key").asString();
		assertThat(this.api
			.post("/api/projects/" + other + "/integrations/" + link + "/imports", stranger.token(), Map.of())
			.status()).isEqualTo(404);
		assertThat(this.api
			.post("/api/projects/" + this.key + "/integrations/" + link + "/imports", this.fox.token(), Map.of())
			.status()).isEqualTo(403);
		assertThat(count("select count(*) from import_jobs where project_id = :p")).isZero();
	}

	private void stubGitHubIssues() {
		String issues = "/api/v3/repos/" + this.repo + "/issues";
		String next = "<" + this.forge.baseUrl() + issues
				+ "?state=all&sort=created&direction=asc&per_page=100&page=2>";
		this.forge.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("1"))
			.willReturn(json(200,
					"[" + issue(1, "Checkout crashes on an empty cart", "open", null, this.fox.username(), 2, "bug",
							"priority: high", "severity: critical") + ", "
							+ issue(2, "Coupon field accepts spaces", "open", null, "dana", 0, "urgent") + ", "
							+ pullRequest(3) + "]")
				.withHeader("Link", next + "; rel=\"next\", " + next + "; rel=\"last\"")));
		this.forge.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("2"))
			.willReturn(json(200, "[" + issue(4, "Old layout glitch", "closed", "not_planned", "dana", 0) + "]")));
		String comments = issues + "/1/comments";
		this.forge.stubFor(get(urlPathEqualTo(comments)).withQueryParam("page", equalTo("2")).willReturn(json(200, """
				[{"id": 12, "user": {"login": "dana"}, "created_at": "2024-03-02T09:00:00Z",
				  "body": "Same on Safari."}]
				""")));
		this.forge.stubFor(get(urlPathEqualTo(comments)).withQueryParam("per_page", equalTo("100"))
			.withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
			.willReturn(json(200,
					"[{\"id\": 11, \"user\": {\"login\": \"" + this.fox.username()
							+ "\"}, \"created_at\": \"2024-03-01T09:00:00Z\", \"body\": \"I can reproduce it.\"}]")
				.withHeader("Link", "<" + this.forge.baseUrl() + comments + "?per_page=100&page=2>; rel=\"next\"")));
		this.forge.stubFor(get(urlEqualTo("/api/v3/users/dana"))
			.willReturn(json(200, "{\"login\": \"dana\", \"name\": \"Dana Scully\"}")));
		this.forge.stubFor(get(urlEqualTo("/api/v3/users/" + this.fox.username()))
			.willReturn(json(200, "{\"login\": \"" + this.fox.username() + "\", \"name\": null}")));
	}

	private String issue(int number, String title, String state, String reason, String login, int comments,
			String... labels) {
		String base = "https://ghe.example.com/" + this.repo;
		StringBuilder l = new StringBuilder();
		for (String label : labels) {
			l.append(l.isEmpty() ? "" : ", ").append("{\"name\": \"").append(label).append("\"}");
		}
		return """
				{"number": %d, "title": "%s", "body": "Steps in the issue.", "state": "%s", "state_reason": %s,
				 "html_url": "%s/issues/%d", "user": {"login": "%s"}, "assignee": null, "labels": [%s],
				 "comments": %d, "comments_url": "%s/api/v3/repos/%s/issues/%d/comments",
				 "created_at": "2024-03-0%dT08:00:00Z", "updated_at": "2024-03-0%dT08:30:00Z",
				 "closed_at": %s}
				""".formatted(number, title, state, reason == null ? "null" : "\"" + reason + "\"", base, number, login,
				l, comments, this.forge.baseUrl(), this.repo, number, number, number,
				state.equals("closed") ? "\"2024-04-01T00:00:00Z\"" : "null");
	}

	private String pullRequest(int number) {
		return """
				{"number": %d, "title": "Fix checkout", "state": "open", "html_url": "https://ghe.example.com/%s/pull/%d",
				 "user": {"login": "dana"}, "labels": [], "comments": 0,
				 "pull_request": {"url": "https://ghe.example.com/api/v3/repos/%s/pulls/%d"},
				 "created_at": "2024-03-03T08:00:00Z"}
				"""
			.formatted(number, this.repo, number, this.repo, number);
	}

	private String gitlabIssue(String path, int iid, String title, String state, int notes, String labels) {
		return """
				{"id": %d, "iid": %d, "title": "%s", "description": "Seen in production.", "state": "%s",
				 "labels": [%s], "author": {"username": "%s", "name": "Fox Mulder"}, "assignee": null,
				 "web_url": "https://gitlab.example.com/%s/-/issues/%d", "user_notes_count": %d,
				 "created_at": "2024-02-0%dT10:00:00Z", "updated_at": "2024-02-0%dT11:00:00Z",
				 "closed_at": %s, "due_date": null}
				""".formatted(9000 + iid, iid, title, state, labels, this.fox.username(), path, iid, notes, iid, iid,
				state.equals("closed") ? "\"2024-02-20T10:00:00Z\"" : "null");
	}

	private ObjectNode issueEvent(String action, int number) {
		return this.deliveries.example("github/issues.reopened.json", p -> {
			p.put("action", action);
			ForgeDeliveries.at(p, "repository").put("full_name", this.repo);
			ForgeDeliveries.at(p, "issue").put("number", number).put("state_reason", "completed");
		});
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** Links the repository with an access token; the link's id. */
	private String link(String forgeKey, String repository) {
		Api.Response created = this.api.post("/api/projects/" + this.key + "/integrations", this.admin.token(),
				Map.of("forge", forgeKey, "repository", repository, "instance_url", this.forge.baseUrl(),
						"webhook_secret", SECRET, "access_token", "ghp-import-token"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.body().at("/link/id").asString();
	}

	/** Starts an import of the link's issues, runs it, answers the finished job. */
	private JsonNode importIssues(String link, String body) {
		Api.Response started = this.api.send("POST", "/api/projects/" + this.key + "/integrations/" + link + "/imports",
				this.admin.token(), this.json.readTree(body), Map.of());
		assertThat(started.status()).as(started.raw()).isEqualTo(202);
		assertThat(started.raw()).doesNotContain("ghp-import-token");
		this.jobs.runAll();
		return this.api.get("/api/imports/" + started.body().get("id").asString(), this.admin.token()).body();
	}

	private Map<String, Object> bug(String importId) {
		return this.jdbc.sql("select * from bugs where project_id = :p and import_id = :id")
			.param("p", this.projectId)
			.param("id", importId)
			.query()
			.singleRow();
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).param("p", this.projectId).query(Integer.class).single();
	}

}
