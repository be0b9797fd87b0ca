package dev.fixpoint.forge;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** GitLab's documented payloads against a project linked through the integrations API. */
class GitlabWebhookTest extends IntegrationTest {

	private ForgeDeliveries forge;

	private TestUser admin;

	private String key;

	private String path;

	private String token;

	@BeforeEach
	void linkAGitlabProject() {
		this.forge = new ForgeDeliveries(baseUrl());
		this.admin = this.api.newUser("gitlab");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.path = "group/sub/" + this.key.toLowerCase();
		Api.Response created = this.api.post("/api/projects/" + this.key + "/integrations", this.admin.token(),
				Map.of("forge", "gitlab", "repository", this.path, "instance_url", "https://gitlab.example.com/"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		this.token = created.body().get("webhook_secret").asString();
		assertThat(created.body().get("link").get("instance_url").asString()).isEqualTo("https://gitlab.example.com");
		assertThat(
				this.api.get("/api/projects/" + this.key, this.admin.token()).body().get("gitlab_project").asString())
			.isEqualTo(this.path);
	}

	@Test
	void aMergedMergeRequestWithAClosingWordResolvesTheBugAsGitLab() {
		JsonNode bug = this.api.newBug(this.admin, this.key, "Export fails", "high");
		ObjectNode merged = mergeRequest("merge", "merged", "Resolves " + this.key + "-1");
		ForgeDeliveries.Answer answer = this.forge.gitlab("Merge Request Hook", merged, this.token);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode after = this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token()).body();
		assertThat(after.get("status").asString()).isEqualTo("resolved");
		assertThat(after.get("linked_prs").get(0).get("kind").asString()).isEqualTo("merge_request");
		assertThat(this.api.get("/api/bugs/" + bug.get("id").asString() + "/history", this.admin.token()).raw())
			.contains("\"name\":\"GitLab\"");
	}

	@Test
	void aWrongOrMissingTokenIs401() {
		ObjectNode merged = mergeRequest("merge", "merged", "Resolves " + this.key + "-1");
		assertThat(this.forge.gitlab("Merge Request Hook", merged, "not-the-token").status()).isEqualTo(401);
		assertThat(this.forge.send("/api/webhooks/gitlab", this.forge.bytes(merged), Map.of()).status()).isEqualTo(401);
	}

	@Test
	void anOpenedMergeRequestMovesToTheConfiguredStatus() {
		String link = this.api.get("/api/projects/" + this.key + "/integrations", this.admin.token())
			.body()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		this.api.patch("/api/projects/" + this.key + "/integrations/" + link, this.admin.token(),
				Map.of("opened_status", "in_progress"));
		JsonNode bug = this.api.newBug(this.admin, this.key, "Start me", "low");
		ObjectNode opened = mergeRequest("open", "opened", "Work on " + this.key + "-1");
		assertThat(this.forge.gitlab("Merge Request Hook", opened, this.token).body())
			.contains(this.key + "-1: moved to in_progress");
		assertThat(this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token())
			.body()
			.get("status")
			.asString()).isEqualTo("in_progress");
	}

	@Test
	void aPushToTheDefaultBranchWithAClosingWordResolves() {
		JsonNode bug = this.api.newBug(this.admin, this.key, "Pushed fix", "low");
		ObjectNode push = this.forge.example("gitlab/push.json", p -> {
			ForgeDeliveries.at(p, "project").put("path_with_namespace", this.path);
			((ObjectNode) p.get("commits").get(0)).put("message", "Fix the export\n\nfixes " + this.key + "-1");
		});
		assertThat(this.forge.gitlab("Push Hook", push, this.token).body()).contains("linked commit b6568db")
			.contains("moved to resolved");
		assertThat(this.api.get("/api/bugs/" + bug.get("id").asString(), this.admin.token())
			.body()
			.get("resolution")
			.asString()).isEqualTo("fixed");
	}

	private ObjectNode mergeRequest(String action, String state, String title) {
		return this.forge.example("gitlab/merge_request.json", p -> {
			ForgeDeliveries.at(p, "project").put("path_with_namespace", this.path);
			ForgeDeliveries.at(p, "object_attributes").put("action", action).put("state", state).put("title", title);
		});
	}

}
