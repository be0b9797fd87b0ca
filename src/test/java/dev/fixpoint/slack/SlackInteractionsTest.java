package dev.fixpoint.slack;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buttons on posts, the resolve modal, the "Report as bug" shortcut and link unfurls: all
 * as the linked person, through the workflow's rules.
 */
class SlackInteractionsTest extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	dev.fixpoint.platform.FixpointProperties properties;

	/** The application's own base URL (FIXPOINT_BASE_URL), as its links carry it. */
	private String app() {
		return this.properties.baseUrl().replaceAll("/+$", "");
	}

	private TestWorkspace slack;

	private TestUser admin;

	private String project;

	private JsonNode bug;

	@BeforeEach
	void setUp() {
		this.admin = this.api.newUser("slackact");
		this.project = this.api.newProject(this.admin).get("key").asString();
		this.slack = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, this.admin).connect();
		this.bug = this.api.newBug(this.admin, this.project, "Button target", "high");
	}

	@Test
	void assignToMeAndStartGoThroughTheWorkflowAsTheLinkedPerson() {
		TestUser developer = this.api.newUser("slackdev");
		this.api.addMember(this.admin, this.project, developer, "developer");
		String dev = this.slack.person(developer);

		assertThat(this.slack.interaction(button(dev, "assign_me")).status()).isEqualTo(200);
		assertThat(this.slack.interaction(button(dev, "start")).status()).isEqualTo(200);

		JsonNode now = this.api.get("/api/bugs/" + key(), this.admin.token()).body();
		assertThat(now.get("assignee").get("id").asString()).isEqualTo(developer.id().toString());
		assertThat(now.get("status").asString()).isEqualTo("in_progress");
		JsonNode history = this.api.get("/api/bugs/" + key() + "/history", this.admin.token()).body();
		assertThat(history.toString()).contains(developer.id().toString());
	}

	@Test
	void changesFromSlackSayViaSlackInTheHistoryAndTheTimeline() {
		TestUser developer = this.api.newPerson("Alice Slackwell");
		this.api.addMember(this.admin, this.project, developer, "developer");
		String alice = this.slack.person(developer);
		this.api.patch("/api/bugs/" + key(), this.admin.token(), Map.of("priority", "P1"));

		this.slack.interaction(button(alice, "assign_me"));
		this.slack.interaction(button(alice, "start"));

		JsonNode history = this.api.get("/api/bugs/" + key() + "/history", this.admin.token()).body();
		Map<String, JsonNode> byField = new java.util.HashMap<>();
		history.forEach(e -> byField.put(e.get("field").asString(), e));
		assertThat(byField.get("assignee").get("via").asString()).isEqualTo("slack");
		assertThat(byField.get("assignee").get("user").get("id").asString()).isEqualTo(developer.id().toString());
		assertThat(byField.get("status").get("via").asString()).isEqualTo("slack");
		assertThat(byField.get("priority").has("via")).as("a change made in Fixpoint says nothing").isFalse();

		String timeline = dev.fixpoint.support.BrowserSession.signedIn(baseUrl(), this.api, this.admin)
			.get("/bugs/" + key())
			.text();
		assertThat(timeline).containsPattern("Alice Slackwell\\s+set assignee to Alice Slackwell\\s+via Slack")
			.containsPattern("Alice Slackwell\\s+changed status from Open to In Progress\\s+via Slack")
			.doesNotContainPattern("changed priority from \\S+ to P1\\s+via Slack");
	}

	@Test
	void aRefusalIsToldPrivatelyWithTheReasonAndChangesNothing() {
		TestUser viewer = this.api.newUser("slackview");
		this.api.addMember(this.admin, this.project, viewer, "viewer");
		String them = this.slack.person(viewer);

		Api.Response answer = this.slack.interaction(button(them, "start"));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode told = this.slack.sent("chat.postEphemeral").getLast();
		assertThat(told.get("user").asString()).isEqualTo(them);
		assertThat(told.get("channel").asString()).isEqualTo("C0CHANNEL");
		assertThat(told.get("text").asString()).startsWith(key() + ": ");
		assertThat(this.api.get("/api/bugs/" + key(), this.admin.token()).body().get("status").asString())
			.isEqualTo("open");
	}

	@Test
	void resolveAsksForAResolutionThenMovesTheBug() {
		String me = this.slack.person(this.admin);
		this.slack.interaction(button(me, "assign_me"));
		this.slack.interaction(button(me, "start"));

		assertThat(this.slack.interaction(button(me, "resolve")).status()).isEqualTo(200);
		JsonNode view = this.slack.sent("views.open").getLast().get("view");
		assertThat(view.get("callback_id").asString()).isEqualTo("resolve_bug");
		String metadata = view.get("private_metadata").asString();
		assertThat(metadata).startsWith(this.bug.get("id").asString());

		Api.Response done = this.slack.interaction(Map.of("type", "view_submission", "user", Map.of("id", me), "view",
				Map.of("callback_id", "resolve_bug", "private_metadata", metadata, "state", Map.of("values", Map
					.of("resolution", Map.of("value", Map.of("selected_option", Map.of("value", "wont_fix"))))))));

		assertThat(done.status()).isEqualTo(200);
		JsonNode now = this.api.get("/api/bugs/" + key(), this.admin.token()).body();
		assertThat(now.get("status").asString()).isEqualTo("resolved");
		assertThat(now.get("resolution").asString()).isEqualTo("wont_fix");
	}

	@Test
	void reportAsBugOpensTheModalWithTheMessageAndItsPermalink() {
		String me = this.slack.person(this.admin);

		Api.Response answer = this.slack
			.interaction(Map.of("type", "message_action", "callback_id", "report_bug", "trigger_id", "42.42.shortcut",
					"user", Map.of("id", me), "channel", Map.of("id", "C0CHANNEL"), "message",
					Map.of("ts", "1700000000.123456", "text", "Export fails with a 500\nwhen the list is empty")));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode call = this.slack.sent("views.open").getLast();
		assertThat(call.get("trigger_id").asString()).isEqualTo("42.42.shortcut");
		assertThat(call.get("view").get("private_metadata").asString())
			.isEqualTo("https://acme.slack.com/archives/C0CHANNEL/p1700000000123456");
		assertThat(call.toString()).contains("\"initial_value\":\"Export fails with a 500\"")
			.contains("when the list is empty");
	}

	@Test
	void aLinkToABugUnfurlsForALinkedMemberOnly() {
		String url = app() + "/bugs/" + key();
		String me = this.slack.person(this.admin);

		Api.Response answer = this.slack.event(Map.of("type", "event_callback", "event_id", "Ev1", "event",
				Map.of("type", "link_shared", "user", me, "channel", "C0CHANNEL", "message_ts", "1700000000.000001",
						"links", List.of(Map.of("url", url, "domain", "localhost")))));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode unfurl = this.slack.sent("chat.unfurl").getLast();
		assertThat(unfurl.get("channel").asString()).isEqualTo("C0CHANNEL");
		assertThat(unfurl.get("ts").asString()).isEqualTo("1700000000.000001");
		assertThat(unfurl.get("unfurls").get(url).toString()).contains("Button target").contains("High");

		int before = this.slack.sent("chat.unfurl").size();
		this.slack.event(Map.of("type", "event_callback", "event",
				Map.of("type", "link_shared", "user", this.slack.stranger(), "channel", "C0CHANNEL", "message_ts",
						"1700000000.000002", "links", List.of(Map.of("url", url)))));
		assertThat(this.slack.sent("chat.unfurl")).as("a stranger's link stays as it is").hasSize(before);
	}

	@Test
	void notificationsArriveAsDirectMessagesOnceChosen() {
		TestUser developer = this.api.newUser("slacknotified");
		this.api.addMember(this.admin, this.project, developer, "developer");
		String dev = this.slack.person(developer);
		this.slack.command(dev, "/bug", "help");
		assertThat(
				this.api.put("/api/me/integrations/slack", developer.token(), Map.of("notifications", true)).status())
			.isEqualTo(200);

		this.api.patch("/api/bugs/" + key(), this.admin.token(), Map.of("assignee_id", developer.id().toString()));
		this.api.post("/api/bugs/" + key() + "/comments", this.admin.token(),
				Map.of("content", "internal only: the customer's name is X", "is_internal", true));

		List<JsonNode> direct = this.slack.sent("chat.postMessage")
			.stream()
			.filter(m -> dev.equals(m.path("channel").asString("")))
			.toList();
		assertThat(direct).hasSize(1);
		assertThat(direct.get(0).get("text").asString()).contains(key()).contains("Button target");
		assertThat(direct.toString()).doesNotContain("customer's name");
	}

	@Test
	void urlVerificationAnswersTheChallenge() {
		Api.Response answer = this.slack.event(Map.of("type", "url_verification", "token", "x", "challenge",
				"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("challenge").asString())
			.isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
	}

	private String key() {
		return this.bug.get("key").asString();
	}

	private Map<String, Object> button(String slackUser, String action) {
		return Map.of("type", "block_actions", "trigger_id", "7.7.button", "user", Map.of("id", slackUser), "channel",
				Map.of("id", "C0CHANNEL"), "actions",
				List.of(Map.of("action_id", action, "value", this.bug.get("id").asString())));
	}

}
