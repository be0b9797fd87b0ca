package dev.fixpoint.forge;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back to the forge, against WireMock standing in for a GitHub Enterprise API (the same
 * REST API as api.github.com under /api/v3): one comment per pull request, edited on
 * later changes; a linked issue closed with the bug, and its webhook echo ignored.
 */
class ForgeCallbacksTest extends IntegrationTest {

	private static final String SECRET = "callbacks-webhook-secret";

	private WireMockServer github;

	private ForgeDeliveries forge;

	private TestUser admin;

	private String key;

	private String repo;

	@BeforeEach
	void linkWithAToken() {
		this.github = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.github.start();
		this.forge = new ForgeDeliveries(baseUrl());
		this.admin = this.api.newUser("callbacks");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.repo = "octo-org/" + this.key.toLowerCase();
		Api.Response created = this.api.post("/api/projects/" + this.key + "/integrations", this.admin.token(),
				Map.of("forge", "github", "repository", this.repo, "instance_url", this.github.baseUrl(),
						"webhook_secret", SECRET, "access_token", "ghp-test-token"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(created.raw()).doesNotContain("ghp-test-token");
	}

	@AfterEach
	void stop() {
		this.github.stop();
	}

	@Test
	void oneCommentPerPullRequestEditedOnLaterChanges() {
		this.github.stubFor(post(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/2/comments")).willReturn(
				aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\": 77}")));
		this.github.stubFor(patch(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/comments/77")).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": 77}")));
		JsonNode bug = this.api.newBug(this.admin, this.key, "Comment back", "low");
		ObjectNode opened = this.forge.example("github/pull_request.opened.json", p -> {
			ForgeDeliveries.at(p, "repository").put("full_name", this.repo);
			ForgeDeliveries.at(p, "pull_request").put("title", "Work on " + this.key + "-1");
		});
		assertThat(this.forge.github("pull_request", opened, SECRET).status()).isEqualTo(200);
		String id = bug.get("id").asString();
		assertThat(this.api
			.patch("/api/bugs/" + id, this.admin.token(), Map.of("status", "resolved", "resolution", "fixed"))
			.status()).isEqualTo(200);
		assertThat(this.api.patch("/api/bugs/" + id, this.admin.token(), Map.of("status", "open")).status())
			.isEqualTo(200);

		this.github.verify(1,
				postRequestedFor(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/2/comments"))
					.withHeader("Authorization", equalTo("Bearer ghp-test-token"))
					.withRequestBody(containing(this.key + "-1** is now **Resolved**")));
		this.github.verify(1, patchRequestedFor(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/comments/77"))
			.withRequestBody(containing("is now **Open**")));
	}

	@Test
	void closingTheBugClosesTheLinkedIssueAndItsEchoIsIgnored() {
		this.github.stubFor(
				patch(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/1")).willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"number\": 1}")));
		JsonNode bug = this.api.newBug(this.admin, this.key, "Sync me", "low");
		ObjectNode issue = this.forge.example("github/issues.reopened.json", p -> {
			p.put("action", "opened");
			ForgeDeliveries.at(p, "repository").put("full_name", this.repo);
			ForgeDeliveries.at(p, "issue").put("body", "Same as " + this.key + "-1");
		});
		assertThat(this.forge.github("issues", issue, SECRET).body()).contains("linked issue #1");
		String id = bug.get("id").asString();
		this.api.patch("/api/bugs/" + id, this.admin.token(), Map.of("status", "resolved", "resolution", "fixed"));
		this.github.verify(1, patchRequestedFor(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/1"))
			.withRequestBody(equalToJson("{\"state\": \"closed\"}")));

		ObjectNode echo = issue.deepCopy();
		echo.put("action", "closed");
		assertThat(this.forge.github("issues", echo, SECRET).body()).contains("our own change, ignored");
		this.api.patch("/api/bugs/" + id, this.admin.token(), Map.of("status", "open"));
		this.github.verify(1, patchRequestedFor(urlEqualTo("/api/v3/repos/" + this.repo + "/issues/1"))
			.withRequestBody(equalToJson("{\"state\": \"open\"}")));
	}

}
