package dev.fixpoint.slack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.fixpoint.platform.outbox.Outbox;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel posts through the outbox, against the stand-in for slack.com: a critical bug
 * posts once and is edited in place as it changes; a bug the filter does not want posts
 * nothing; 429 waits for Retry-After; an outage loses nothing and delivers each message
 * once.
 */
class SlackChannelPostsTest extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	dev.fixpoint.platform.FixpointProperties properties;

	/** The application's own base URL (FIXPOINT_BASE_URL), as its links carry it. */
	private String app() {
		return this.properties.baseUrl().replaceAll("/+$", "");
	}

	@Autowired
	Outbox outbox;

	private TestWorkspace slack;

	private TestUser admin;

	private String project;

	private String channel;

	@BeforeEach
	void subscribe() {
		this.admin = this.api.newUser("slackpost");
		this.project = this.api.newProject(this.admin).get("key").asString();
		this.slack = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, this.admin).connect();
		this.channel = "C" + this.slack.teamId.substring(1);
		Api.Response created = this.api.post("/api/projects/" + this.project + "/integrations/slack/subscriptions",
				this.admin.token(), Map.of("channel_id", this.channel, "channel_name", "bugs", "events",
						List.of("bug.created", "bug.resolved"), "severities", List.of("critical", "high")));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
	}

	@Test
	void aCriticalBugPostsOnceAndIsEditedInPlaceOnChange() {
		JsonNode bug = this.api.newBug(this.admin, this.project, "Checkout is down", "critical");
		String key = bug.get("key").asString();

		List<JsonNode> posts = postsFor(key);
		assertThat(posts).hasSize(1);
		JsonNode post = posts.get(0);
		assertThat(post.get("channel").asString()).isEqualTo(this.channel);
		assertThat(post.get("text").asString()).isEqualTo(key + ": Checkout is down");
		JsonNode attachment = post.get("attachments").get(0);
		assertThat(attachment.get("color").asString()).isEqualTo("#d92d20");
		assertThat(attachment.get("blocks").toString()).contains(app() + "/bugs/" + key)
			.contains("Critical")
			.contains("Open")
			.contains("Unassigned")
			.contains("\"action_id\":\"assign_me\"")
			.contains("\"action_id\":\"resolve\"")
			.contains("\"value\":\"" + bug.get("id").asString() + "\"");

		this.api.patch("/api/bugs/" + key, this.admin.token(), Map.of("assignee_id", this.admin.id().toString()));
		this.api.patch("/api/bugs/" + key, this.admin.token(), Map.of("status", "resolved", "resolution", "fixed"));

		assertThat(postsFor(key)).as("never a second message").hasSize(1);
		List<JsonNode> updates = updatesFor(key);
		assertThat(updates).hasSizeGreaterThanOrEqualTo(2);
		JsonNode last = updates.getLast();
		assertThat(last.get("ts").asString()).isEqualTo("1700000000.000100");
		assertThat(last.get("channel").asString()).isEqualTo(this.channel);
		assertThat(last.toString()).contains("Resolved (Fixed)")
			.contains("Assigned to " + this.admin.name())
			.doesNotContain("assign_me");
	}

	@Test
	void aBugTheFilterDoesNotWantPostsNothing() {
		String key = this.api.newBug(this.admin, this.project, "Typo in footer", "low").get("key").asString();
		this.api.patch("/api/bugs/" + key, this.admin.token(), Map.of("title", "Typo in the footer"));

		assertThat(postsFor(key)).isEmpty();
		assertThat(updatesFor(key)).isEmpty();
	}

	@Test
	void theSeverityFilterAppliesToEveryEvent() {
		String key = this.api.newBug(this.admin, this.project, "Slow search", "high").get("key").asString();
		assertThat(postsFor(key)).hasSize(1);
		String medium = this.api.newBug(this.admin, this.project, "Medium thing", "medium").get("key").asString();
		this.api.patch("/api/bugs/" + medium, this.admin.token(), Map.of("status", "resolved", "resolution", "fixed"));
		assertThat(postsFor(medium)).as("medium is not among the severities").isEmpty();
	}

	@Test
	void rateLimitedThenSuccessPostsOnceAfterRetryAfter() {
		this.slack.stub(post(urlEqualTo("/api/chat.postMessage")).inScenario("limit-" + this.slack.teamId)
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("limited"), aResponse().withStatus(429).withHeader("Retry-After", "30"));
		this.slack.stub(post(urlEqualTo("/api/chat.postMessage")).inScenario("limit-" + this.slack.teamId)
			.whenScenarioStateIs("limited"), this.slack.json(Map.of("ok", true, "ts", "1700000000.000200")));

		String key = this.api.newBug(this.admin, this.project, "Rate limited", "critical").get("key").asString();
		assertThat(postsFor(key)).as("the first attempt, answered 429").hasSize(1);

		this.clock.advance(Duration.ofSeconds(20));
		this.outbox.deliverDue();
		assertThat(postsFor(key)).as("not before Retry-After").hasSize(1);

		this.clock.advance(Duration.ofSeconds(11));
		this.outbox.deliverDue();
		this.clock.advance(Duration.ofMinutes(20));
		this.outbox.deliverDue();
		assertThat(postsFor(key)).as("429, then one success, then nothing").hasSize(2);

		this.api.patch("/api/bugs/" + key, this.admin.token(), Map.of("title", "Rate limited, renamed"));
		assertThat(updatesFor("Rate limited, renamed").getLast().get("ts").asString()).isEqualTo("1700000000.000200");
	}

	@Test
	void anOutageLosesNothingAndDeliversEachMessageOnce() {
		this.slack.stub(post(urlEqualTo("/api/chat.postMessage")).inScenario("outage-" + this.slack.teamId)
			.whenScenarioStateIs(Scenario.STARTED), aResponse().withStatus(503));
		String first = this.api.newBug(this.admin, this.project, "During the outage", "critical").get("key").asString();
		String second = this.api.newBug(this.admin, this.project, "Also during it", "high").get("key").asString();
		this.clock.advance(Duration.ofSeconds(5));
		this.outbox.deliverDue();

		this.slack.stub(
				post(urlEqualTo("/api/chat.postMessage")).inScenario("outage-" + this.slack.teamId)
					.whenScenarioStateIs(Scenario.STARTED),
				this.slack.json(Map.of("ok", true, "ts", "1700000000.000300")));
		this.clock.advance(Duration.ofMinutes(15));
		this.outbox.deliverDue();
		this.clock.advance(Duration.ofMinutes(15));
		this.outbox.deliverDue();

		for (String key : List.of(first, second)) {
			List<JsonNode> calls = postsFor(key);
			assertThat(calls.size()).as("failed attempts, then exactly one success").isGreaterThanOrEqualTo(2);
			assertThat(TestWorkspace.slack()
				.getServeEvents()
				.getRequests()
				.stream()
				.filter(e -> e.getRequest().getUrl().equals("/api/chat.postMessage")
						&& e.getRequest().getBodyAsString().contains(key + ":") && e.getResponse().getStatus() == 200)
				.count()).as(key + " delivered once").isEqualTo(1);
		}
	}

	@Test
	void aRateLimitOnALaterChannelDoesNotPostTheEarlierOneAgain() {
		String second = "G" + this.slack.teamId.substring(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.api
			.post("/api/projects/" + this.project + "/integrations/slack/subscriptions", this.admin.token(),
					Map.of("channel_id", second, "events", List.of("bug.created"), "severities", List.of()))
			.status()).isEqualTo(201);
		this.slack.stub(
				post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("\"channel\":\"" + second + "\""))
					.inScenario("second-" + this.slack.teamId)
					.whenScenarioStateIs(Scenario.STARTED)
					.willSetStateTo("limited"),
				aResponse().withStatus(429).withHeader("Retry-After", "30"));
		this.slack.stub(
				post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("\"channel\":\"" + second + "\""))
					.inScenario("second-" + this.slack.teamId)
					.whenScenarioStateIs("limited"),
				this.slack.json(Map.of("ok", true, "ts", "1700000000.000400")));

		String key = this.api.newBug(this.admin, this.project, "Two channels", "critical").get("key").asString();
		this.clock.advance(Duration.ofSeconds(31));
		this.outbox.deliverDue();

		assertThat(postsFor(key).stream().filter(p -> p.get("channel").asString().equals(this.channel)))
			.as("the first channel's message was posted once; the retry edits it")
			.hasSize(1);
		assertThat(successfulPosts(key, this.channel)).isEqualTo(1);
		assertThat(successfulPosts(key, second)).isEqualTo(1);
		assertThat(updatesFor(key + " Two channels").stream()
			.filter(u -> u.get("channel").asString().equals(this.channel)))
			.allMatch(u -> u.get("ts").asString().equals("1700000000.000100"));
	}

	@Test
	void a429HoldsBackTheWorkspacesOtherPostsUntilRetryAfter() {
		this.slack.stub(post(urlEqualTo("/api/chat.postMessage")).inScenario("pause-" + this.slack.teamId)
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("limited"), aResponse().withStatus(429).withHeader("Retry-After", "30"));
		this.slack.stub(post(urlEqualTo("/api/chat.postMessage")).inScenario("pause-" + this.slack.teamId)
			.whenScenarioStateIs("limited"), this.slack.json(Map.of("ok", true, "ts", "1700000000.000500")));

		String first = this.api.newBug(this.admin, this.project, "First in the limit", "critical")
			.get("key")
			.asString();
		String second = this.api.newBug(this.admin, this.project, "Second in the limit", "critical")
			.get("key")
			.asString();
		assertThat(postsFor(first)).as("answered 429").hasSize(1);
		assertThat(postsFor(second)).as("Slack said wait: not asked before Retry-After").isEmpty();

		this.clock.advance(Duration.ofSeconds(31));
		this.outbox.deliverDue();
		assertThat(postsFor(first)).hasSize(2);
		assertThat(postsFor(second)).hasSize(1);
		assertThat(successfulPosts(first, this.channel)).isEqualTo(1);
		assertThat(successfulPosts(second, this.channel)).isEqualTo(1);
	}

	private long successfulPosts(String key, String channel) {
		return TestWorkspace.slack()
			.getServeEvents()
			.getRequests()
			.stream()
			.filter(e -> e.getRequest().getUrl().equals("/api/chat.postMessage")
					&& e.getRequest().getBodyAsString().contains("\"text\":\"" + key + ":")
					&& e.getRequest().getBodyAsString().contains("\"channel\":\"" + channel + "\"")
					&& e.getResponse().getStatus() == 200)
			.count();
	}

	private List<JsonNode> postsFor(String key) {
		return this.slack.sent("chat.postMessage")
			.stream()
			.filter(p -> p.path("text").asString("").startsWith(key + ":"))
			.toList();
	}

	private List<JsonNode> updatesFor(String text) {
		return this.slack.sent("chat.update").stream().filter(p -> p.toString().contains(text)).toList();
	}

}
