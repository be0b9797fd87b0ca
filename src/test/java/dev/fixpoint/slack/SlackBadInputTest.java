package dev.fixpoint.slack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Slack's endpoints refuse: wrong, missing and old signatures, replays, malformed
 * bodies and payloads, unknown bugs and projects, huge modal inputs. Always 401, 400, 413
 * or a private message; never a 5xx, never a change.
 */
class SlackBadInputTest extends IntegrationTest {

	private static final String COMMANDS = "/api/integrations/slack/commands";

	private static final String INTERACTIONS = "/api/integrations/slack/interactions";

	private static final String EVENTS = "/api/integrations/slack/events";

	private static final String FORM = "application/x-www-form-urlencoded";

	private TestWorkspace slack;

	private TestUser admin;

	private String project;

	private String me;

	@BeforeEach
	void connect() {
		this.admin = this.api.newUser("slackbad");
		this.project = this.api.newProject(this.admin).get("key").asString();
		this.slack = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, this.admin).connect();
		this.me = this.slack.person(this.admin);
	}

	@Test
	void signaturesThatDoNotVerifyAre401() {
		String body = TestWorkspace.form(Map.of("team_id", this.slack.teamId, "user_id", this.me, "command",
				"/report-bug", "text", "x", "trigger_id", "1.2.3"));
		String now = this.slack.now();
		String old = Long.toString(this.clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());
		List<Api.Response> answers = List.of(this.slack.send(COMMANDS, FORM, body, now, "wrong-secret-0123456789"),
				this.slack.send(COMMANDS, FORM, body, now, null), this.slack.send(COMMANDS, FORM, body, null, null),
				this.slack.send(COMMANDS, FORM, body, old, this.slack.signingSecret),
				this.slack.send(COMMANDS, FORM, body, "not-a-number", this.slack.signingSecret),
				this.slack.raw(COMMANDS, FORM, body.getBytes(StandardCharsets.UTF_8),
						Map.of("X-Slack-Request-Timestamp", now, "X-Slack-Signature", "v0=" + "0".repeat(64))),
				this.slack.send(EVENTS, "application/json", "{\"type\":\"url_verification\",\"challenge\":\"c\"}", old,
						this.slack.signingSecret),
				this.slack.send(INTERACTIONS, FORM, "payload=%7B%7D", now, "wrong-secret-0123456789"));

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.raw()).isEqualTo(401);
			assertThat(answer.header("content-type")).startsWith("application/problem+json");
		});
		assertThat(this.slack.sent("views.open")).as("nothing reached Slack").isEmpty();
	}

	@Test
	void aReplayedRequestOutsideTheWindowIsRefused() {
		String body = TestWorkspace
			.form(Map.of("team_id", this.slack.teamId, "user_id", this.me, "command", "/bug", "text", "help"));
		String ts = this.slack.now();
		assertThat(this.slack.send(COMMANDS, FORM, body, ts, this.slack.signingSecret).status()).isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(this.slack.send(COMMANDS, FORM, body, ts, this.slack.signingSecret).status()).isEqualTo(401);
	}

	@Test
	void aSignedRequestReplayedWithinTheWindowIsRefused() {
		String body = TestWorkspace.form(Map.of("team_id", this.slack.teamId, "user_id", this.me, "command",
				"/report-bug", "text", "Replayed", "trigger_id", "77.77.replay"));
		String ts = this.slack.now();
		assertThat(this.slack.send(COMMANDS, FORM, body, ts, this.slack.signingSecret).status()).isEqualTo(200);

		Api.Response replay = this.slack.send(COMMANDS, FORM, body, ts, this.slack.signingSecret);

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.raw()).contains("already received");
		assertThat(this.slack.sent("views.open")).as("the modal opened once").hasSize(1);
	}

	@Test
	void malformedBodiesAre400() {
		String now = this.slack.now();
		List<Api.Response> answers = List.of(
				this.slack.send(INTERACTIONS, FORM, "nopayload=1", now, this.slack.signingSecret),
				this.slack.send(INTERACTIONS, FORM, "payload=%7Bnot-json", now, this.slack.signingSecret),
				this.slack.send(INTERACTIONS, FORM, "payload=%5B1%2C2%5D", now, this.slack.signingSecret),
				this.slack.send(EVENTS, "application/json", "{not json", now, this.slack.signingSecret),
				this.slack.send(EVENTS, "application/json", "[]", now, this.slack.signingSecret),
				this.slack.send(EVENTS, "application/json", "{\"type\":\"url_verification\"}", now,
						this.slack.signingSecret),
				this.slack.send(COMMANDS, FORM, "text=%00&team_id=" + this.slack.teamId, now, this.slack.signingSecret),
				this.slack.raw(COMMANDS, FORM, new byte[] { 't', 'e', 'x', 't', '=', (byte) 0xC3, (byte) 0x28 },
						Map.of("X-Slack-Request-Timestamp", now, "X-Slack-Signature", "v0=" + "0".repeat(64))));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(400));
	}

	@Test
	void aHugeBodyIs413AndAWrongContentTypeIs415() {
		String now = this.slack.now();
		String huge = "text=" + "a".repeat(SlackInbound.MAX_BYTES + 10);
		assertThat(this.slack.send(COMMANDS, FORM, huge, now, this.slack.signingSecret).status()).isEqualTo(413);
		assertThat(this.slack.send(COMMANDS, "application/json", "{}", now, this.slack.signingSecret).status())
			.isEqualTo(415);
	}

	@Test
	void odditiesInSignedRequestsAreAnsweredPrivatelyNever5xx() {
		List<Api.Response> answers = List.of(this.slack.command(this.me, "/bug", "NOPE-1"),
				this.slack.command(this.me, "/bug", "<script>alert(1)</script>"),
				this.slack.command(this.me, "/bug", "search " + "(".repeat(300)),
				this.slack.command(this.me, "/bug", "x".repeat(5000)), this.slack.command(this.me, "/unknown", "x"),
				this.slack.command("not a user id", "/bug", "x"),
				this.slack.interaction(Map.of("type", "block_actions", "user", Map.of("id", this.me), "actions",
						List.of(Map.of("action_id", "start", "value", "00000000-0000-0000-0000-000000000000")))),
				this.slack.interaction(Map.of("type", "block_actions", "user", Map.of("id", this.me), "actions",
						List.of(Map.of("action_id", "start", "value", "garbage")))),
				this.slack.interaction(Map.of("type", "block_actions", "user", Map.of("id", this.me))),
				this.slack.interaction(Map.of("type", "something_new")),
				this.slack.interaction(Map.of("type", "view_submission", "user", Map.of("id", this.me), "view", "x")),
				this.slack.event(Map.of("type", "event_callback", "event",
						Map.of("type", "link_shared", "user", this.me, "links", "not a list"))),
				this.slack.event(Map.of("type", "event_callback", "event", "nope")));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isEqualTo(200));
		assertThat(answers.get(0).body().get("text").asString()).isEqualTo("No bug NOPE-1 that you can see.");
	}

	@Test
	void hugeOrForeignModalInputsComeBackAsFieldErrorsAndFileNothing() {
		Api.Response huge = this.slack
			.interaction(SlackCommandsTest.submission(this.me, this.project, "Huge", "high", "s".repeat(200_000), ""));
		Api.Response longTitle = this.slack
			.interaction(SlackCommandsTest.submission(this.me, this.project, "t".repeat(201), "high", "", ""));
		Api.Response unknownProject = this.slack
			.interaction(SlackCommandsTest.submission(this.me, "NOPE", "Title", "high", "", ""));
		Api.Response badSeverity = this.slack
			.interaction(SlackCommandsTest.submission(this.me, this.project, "Title", "apocalyptic", "", ""));

		assertThat(huge.body().get("errors").has("steps")).isTrue();
		assertThat(longTitle.body().get("errors").has("title")).isTrue();
		assertThat(unknownProject.body().get("errors").has("project")).isTrue();
		assertThat(badSeverity.body().get("errors").has("severity")).isTrue();
		assertThat(this.api.get("/api/projects/" + this.project + "/bugs", this.admin.token()).body().get("items"))
			.isEmpty();
	}

	@Test
	void aWorkspaceThatIsNotConnectedIsToldSo() {
		String body = TestWorkspace
			.form(Map.of("team_id", "TNOTCONNECTED", "user_id", this.me, "command", "/bug", "text", "x"));
		Api.Response answer = this.slack.send(COMMANDS, FORM, body, this.slack.now(), this.slack.signingSecret);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("text").asString()).contains("not connected");
	}

}
