package dev.fixpoint.forge;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GitHub's example payloads, signed, against a project linked through the contract's
 * PATCH.
 */
class GithubWebhookTest extends IntegrationTest {

	private static final String SECRET = "a-webhook-secret-of-the-test";

	private ForgeDeliveries forge;

	private TestUser admin;

	private String key;

	private String repo;

	@BeforeEach
	void linkARepository() {
		this.forge = new ForgeDeliveries(baseUrl());
		this.admin = this.api.newUser("forge");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.repo = "octo-org/" + this.key.toLowerCase();
		Api.Response linked = this.api.patch("/api/projects/" + this.key, this.admin.token(),
				Map.of("github_repo", this.repo, "github_webhook_secret", SECRET));
		assertThat(linked.status()).as(linked.raw()).isEqualTo(200);
	}

	@Test
	void theProjectShowsItsRepositoryButNeverTheSecret() {
		Api.Response project = this.api.get("/api/projects/" + this.key, this.admin.token());
		assertThat(project.body().get("github_repo").asString()).isEqualTo(this.repo);
		assertThat(project.body().get("github_webhook_secret_set").asBoolean()).isTrue();
		assertThat(project.raw()).doesNotContain(SECRET);
		Api.Response links = this.api.get("/api/projects/" + this.key + "/integrations", this.admin.token());
		assertThat(links.body().get("items").get(0).get("webhook_url").asString()).endsWith("/api/webhooks/github");
		assertThat(links.raw()).doesNotContain(SECRET);
	}

	@Test
	void aMergedPullRequestWithAClosingWordResolvesTheBugAsGitHub() {
		JsonNode bug = this.api.newBug(this.admin, this.key, "Checkout crashes", "high");
		ForgeDeliveries.Answer answer = this.forge.github("pull_request", merged("Fixes " + this.key + "-1"), SECRET);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("\"verdict\":\"applied\"");

		JsonNode after = this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token()).body();
		assertThat(after.get("status").asString()).isEqualTo("resolved");
		assertThat(after.get("resolution").asString()).isEqualTo("fixed");
		JsonNode pr = after.get("linked_prs").get(0);
		assertThat(pr.get("state").asString()).isEqualTo("merged");
		assertThat(pr.get("url").asString()).isEqualTo("https://github.com/Codertocat/Hello-World/pull/2");
		assertThat(pr.get("author").asString()).isEqualTo("Codertocat");
		Api.Response history = this.api.get("/api/bugs/" + bug.get("id").asString() + "/history", this.admin.token());
		assertThat(history.raw()).contains("\"name\":\"GitHub\"").contains("\"new_value\":\"resolved\"");
	}

	@Test
	void aReplayedDeliveryChangesNothing() {
		JsonNode bug = this.api.newBug(this.admin, this.key, "Replay me", "low");
		byte[] body = this.forge.bytes(merged("Fixes " + this.key + "-1"));
		Map<String, String> headers = Map.of("X-GitHub-Event", "pull_request", "X-GitHub-Delivery",
				UUID.randomUUID().toString(), "X-Hub-Signature-256", ForgeDeliveries.signature(SECRET, body));
		assertThat(this.forge.send("/api/webhooks/github", body, headers).body()).contains("applied");
		this.api.patch("/api/bugs/" + bug.get("id").asString(), this.admin.token(), Map.of("status", "open"));
		ForgeDeliveries.Answer again = this.forge.send("/api/webhooks/github", body, headers);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("\"verdict\":\"replayed\"");
		assertThat(this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token())
			.body()
			.get("status")
			.asString()).isEqualTo("open");
	}

	@Test
	void forgedDeliveriesAre401AndChangeNothing() {
		JsonNode bug = this.api.newBug(this.admin, this.key, "Untouched", "low");
		byte[] body = this.forge.bytes(merged("Fixes " + this.key + "-1"));
		String delivery = UUID.randomUUID().toString();
		String sha1 = "sha1=" + "0".repeat(40);
		for (Map<String, String> headers : java.util.List.of(
				Map.of("X-GitHub-Event", "pull_request", "X-GitHub-Delivery", delivery),
				Map.of("X-GitHub-Event", "pull_request", "X-Hub-Signature", sha1),
				Map.of("X-GitHub-Event", "pull_request", "X-Hub-Signature-256", "sha256=zz"),
				Map.of("X-GitHub-Event", "pull_request", "X-Hub-Signature-256",
						ForgeDeliveries.signature("another-projects-secret", body)))) {
			ForgeDeliveries.Answer answer = this.forge.send("/api/webhooks/github", body, headers);
			assertThat(answer.status()).as(headers.toString()).isEqualTo(401);
			assertThat(answer.body()).contains("\"status\":401");
		}
		ObjectNode unknown = merged("Fixes " + this.key + "-1");
		ForgeDeliveries.at(unknown, "repository").put("full_name", "someone/else");
		assertThat(this.forge.github("pull_request", unknown, SECRET).status()).isEqualTo(401);
		byte[] truncated = java.util.Arrays.copyOf(body, body.length / 2);
		assertThat(this.forge
			.send("/api/webhooks/github", truncated, Map.of("X-GitHub-Event", "pull_request", "X-Hub-Signature-256",
					ForgeDeliveries.signature(SECRET, truncated)))
			.status()).isEqualTo(400);
		assertThat(this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token())
			.body()
			.get("status")
			.asString()).isEqualTo("open");
	}

	@Test
	void bodiesOver25MbAre413AndOtherContentTypes415() {
		// a raw HTTP/1.1 request: headers only, the body is never sent
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.setSoTimeout(60_000);
			String head = "POST /api/webhooks/github HTTP/1.1\r\nHost: localhost\r\nX-GitHub-Event: push\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + (Webhooks.MAX_BYTES + 1)
					+ "\r\nExpect: 100-continue\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("application/problem+json");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		java.net.http.HttpRequest form = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(baseUrl() + "/api/webhooks/github"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("payload=%7B%7D"))
			.build();
		assertThat(send(form)).isEqualTo(415);
	}

	@Test
	void anOpenedPullRequestOnlyLinksBugsNamedInItsBranchAndIgnoresOtherProjects() {
		JsonNode bug = this.api.newBug(this.admin, this.key, "Login widget broken", "high");
		JsonNode other = this.api.newProject(this.admin);
		this.api.newBug(this.admin, other.get("key").asString(), "Elsewhere", "low");
		ObjectNode opened = this.forge.example("github/pull_request.opened.json", p -> {
			ForgeDeliveries.at(p, "repository").put("full_name", this.repo);
			ObjectNode pr = ForgeDeliveries.at(p, "pull_request");
			pr.put("body", "Also touches " + other.get("key").asString() + "-1");
			ForgeDeliveries.at(pr, "head").put("ref", "fix/" + this.key.toLowerCase() + "-1-login");
		});
		ForgeDeliveries.Answer answer = this.forge.github("pull_request", opened, SECRET);
		assertThat(answer.body()).contains(this.key + "-1: linked pull request 2 (open)")
			.doesNotContain(other.get("key").asString());
		JsonNode after = this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token()).body();
		assertThat(after.get("status").asString()).isEqualTo("open");
		assertThat(after.get("linked_prs").get(0).get("branch").asString()).contains("-1-login");
		this.api.newBug(this.admin, this.key, "Nothing linked widget", "low");
		Api.Response linked = this.api.get("/api/projects/" + this.key + "/search?q=linked:pr%20widget",
				this.admin.token());
		assertThat(linked.raw()).as(linked.raw()).contains("Login widget broken").doesNotContain("Nothing linked");
		Api.Response unlinked = this.api.get("/api/projects/" + this.key + "/search?q=-linked:pr%20widget",
				this.admin.token());
		assertThat(unlinked.raw()).contains("Nothing linked").doesNotContain("Login widget broken");
	}

	@Test
	void aPushLinksTheCommitsThatNameABug() {
		JsonNode bug = this.api.newBug(this.admin, this.key, "Slow search", "medium");
		ObjectNode push = this.forge.example("github/push.json", p -> {
			ForgeDeliveries.at(p, "repository").put("full_name", this.repo);
			ForgeDeliveries.at((ObjectNode) p.get("commits").get(0), "author");
			((ObjectNode) p.get("commits").get(0)).put("message", "Index the titles (" + this.key + "-1)");
		});
		assertThat(this.forge.github("push", push, SECRET).body()).contains(this.key + "-1: linked commit 6113728");
		JsonNode after = this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token()).body();
		assertThat(after.get("linked_prs").get(0).get("kind").asString()).isEqualTo("commit");
	}

	@Test
	void pingAndUnknownEventsAreLogged() {
		ObjectNode ping = this.forge.example("github/ping.json",
				p -> ForgeDeliveries.at(p, "repository").put("full_name", this.repo));
		assertThat(this.forge.github("ping", ping, SECRET).body()).contains("pong");
		assertThat(this.forge.github("star", ping, SECRET).body()).contains("\"verdict\":\"ignored\"");
		Api.Response log = this.api.get("/api/projects/" + this.key + "/integrations/deliveries", this.admin.token());
		assertThat(log.raw()).contains("\"event\":\"ping\"").contains("\"event\":\"star\"");
	}

	@Test
	void aMoveTheWorkflowRefusesIsLoggedNotForced() {
		String link = this.api.get("/api/projects/" + this.key + "/integrations", this.admin.token())
			.body()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		assertThat(this.api
			.patch("/api/projects/" + this.key + "/integrations/" + link, this.admin.token(),
					Map.of("merged_status", "closed"))
			.status()).isEqualTo(200);
		JsonNode bug = this.api.newBug(this.admin, this.key, "Needs a verifier", "low");
		ForgeDeliveries.Answer answer = this.forge.github("pull_request", merged("closes " + this.key + "-1"), SECRET);
		assertThat(answer.body()).contains(this.key + "-1: not moved to closed");
		assertThat(this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token())
			.body()
			.get("status")
			.asString()).isEqualTo("open");
	}

	@Test
	void aClosedForgeIssueLinkedToABugResolvesIt() {
		JsonNode bug = this.api.newBug(this.admin, this.key, "Issue sync", "low");
		ObjectNode opened = this.forge.example("github/issues.reopened.json", p -> {
			p.put("action", "opened");
			ForgeDeliveries.at(p, "repository").put("full_name", this.repo);
			ForgeDeliveries.at(p, "issue").put("body", "Tracked as " + this.key + "-1");
		});
		assertThat(this.forge.github("issues", opened, SECRET).body()).contains("linked issue #1");
		ObjectNode closed = opened.deepCopy();
		closed.put("action", "closed");
		ForgeDeliveries.at(closed, "issue").put("state", "closed").put("state_reason", "completed");
		assertThat(this.forge.github("issues", closed, SECRET).body()).contains("moved to resolved");
		assertThat(this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token())
			.body()
			.get("status")
			.asString()).isEqualTo("resolved");
	}

	private ObjectNode merged(String title) {
		return this.forge.example("github/pull_request.closed-unmerged.json", p -> {
			ForgeDeliveries.at(p, "repository").put("full_name", this.repo);
			ObjectNode pr = ForgeDeliveries.at(p, "pull_request");
			pr.put("merged", true).put("title", title);
		});
	}

	private static int send(java.net.http.HttpRequest request) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
