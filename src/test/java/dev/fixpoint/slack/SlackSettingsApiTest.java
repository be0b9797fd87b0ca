package dev.fixpoint.slack;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The org admins' connection API and the project admins' subscriptions API. */
class SlackSettingsApiTest extends IntegrationTest {

	private TestUser admin;

	private TestWorkspace slack;

	private String path;

	@BeforeEach
	void setUp() {
		this.admin = this.api.newUser("slackset");
		this.slack = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, this.admin);
		this.path = "/api/orgs/" + this.slack.org + "/integrations/slack";
	}

	@Test
	void beforeConnectingTheAnswerCarriesTheManifestAndUrls() {
		Api.Response answer = this.api.get(this.path, this.admin.token());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("connected").asBoolean()).isFalse();
		assertThat(answer.body().get("request_urls").get("events").asString())
			.endsWith("/api/integrations/slack/events");
		assertThat(answer.body().get("manifest").get("features").get("slash_commands").toString()).contains("/bug")
			.contains("/report-bug");
		assertThat(answer.body().get("manifest").get("oauth_config").toString()).contains("links:write");
	}

	@Test
	void connectingChecksTheTokenWithSlackAndNeverShowsSecrets() {
		Api.Response malformed = this.api.put(this.path, this.admin.token(),
				Map.of("bot_token", "xoxp-user-token", "signing_secret", this.slack.signingSecret));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body().get("errors").get(0).get("field").asString()).isEqualTo("bot_token");

		Api.Response noSecret = this.api.put(this.path, this.admin.token(), Map.of("bot_token", this.slack.token));
		assertThat(noSecret.status()).isEqualTo(400);
		assertThat(noSecret.body().get("errors").get(0).get("field").asString()).isEqualTo("signing_secret");

		this.slack.stub(post(urlEqualTo("/api/auth.test")),
				this.slack.json(Map.of("ok", false, "error", "invalid_auth")));
		Api.Response refused = this.api.put(this.path, this.admin.token(),
				Map.of("bot_token", this.slack.token, "signing_secret", this.slack.signingSecret));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.raw()).contains("invalid_auth");

		this.slack.connect();
		Api.Response connected = this.api.get(this.path, this.admin.token());
		assertThat(connected.body().get("connected").asBoolean()).isTrue();
		assertThat(connected.body().get("team_id").asString()).isEqualTo(this.slack.teamId);
		assertThat(connected.body().get("bot_token_set").asBoolean()).isTrue();
		assertThat(connected.body().get("signing_secret_set").asBoolean()).isTrue();
		assertThat(connected.raw()).doesNotContain(this.slack.token).doesNotContain(this.slack.signingSecret);
	}

	@Test
	void onlyOrgAdminsManageTheConnectionAndOneOrgOwnsAWorkspace() {
		this.slack.connect();
		TestUser member = this.api.newUser("slackmember");
		this.api.post("/api/orgs/" + this.slack.org + "/members", this.admin.token(),
				Map.of("username", member.username(), "role", "member"));
		TestUser stranger = this.api.newUser("slackstranger");

		assertThat(this.api.get(this.path, member.token()).status()).isEqualTo(403);
		assertThat(this.api.put(this.path, member.token(), Map.of("bot_token", this.slack.token)).status())
			.isEqualTo(403);
		assertThat(this.api.get(this.path, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get(this.path, null).status()).isEqualTo(401);

		TestWorkspace otherOrg = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, stranger);
		Api.Response taken = this.api.put("/api/orgs/" + otherOrg.org + "/integrations/slack", stranger.token(),
				Map.of("bot_token", this.slack.token, "signing_secret", this.slack.signingSecret));
		assertThat(taken.status()).isEqualTo(409);
	}

	@Test
	void projectAdminsSubscribeChannelsWithValidFilters() {
		String project = this.api.newProject(this.admin).get("key").asString();
		TestUser developer = this.api.newUser("slacksubdev");
		this.api.addMember(this.admin, project, developer, "developer");
		String subscriptions = "/api/projects/" + project + "/integrations/slack/subscriptions";

		assertThat(this.api
			.post(subscriptions, developer.token(), Map.of("channel_id", "C0123ABCD", "events", List.of("bug.created")))
			.status()).isEqualTo(403);
		Api.Response invalid = this.api.post(subscriptions, this.admin.token(),
				Map.of("channel_id", "#general", "events", List.of("bug.exploded"), "severities", List.of("huge")));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.raw()).contains("channel_id").contains("events").contains("severities");

		Api.Response created = this.api.post(subscriptions, this.admin.token(), Map.of("channel_id", "C0123ABCD",
				"channel_name", "#qa", "events", List.of("bug.created", "sla.breached"), "severities", List.of()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("location")).endsWith(created.body().get("id").asString());
		assertThat(created.body().get("channel_name").asString()).isEqualTo("qa");
		assertThat(this.api.get(subscriptions, developer.token()).body().get("items")).hasSize(1);

		assertThat(
				this.api.delete(subscriptions + "/" + created.body().get("id").asString(), this.admin.token()).status())
			.isEqualTo(204);
		assertThat(this.api.get(subscriptions, this.admin.token()).body().get("items")).isEmpty();
	}

	@Test
	void slackNotificationsNeedALinkedSlackUser() {
		Api.Response mine = this.api.get("/api/me/integrations/slack", this.admin.token());
		assertThat(mine.body().get("linked")).isEmpty();
		assertThat(mine.body().get("notifications").asBoolean()).isFalse();
		assertThat(
				this.api.put("/api/me/integrations/slack", this.admin.token(), Map.of("notifications", true)).status())
			.isEqualTo(409);
	}

}
