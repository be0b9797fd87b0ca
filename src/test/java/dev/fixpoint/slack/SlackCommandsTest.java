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
 * Slash commands end to end, against the stand-in for slack.com: linking, {@code /bug
 * KEY}, {@code /bug search}, and {@code /report-bug} from the command through the modal
 * to the filed bug.
 */
class SlackCommandsTest extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	dev.fixpoint.platform.FixpointProperties properties;

	/** The application's own base URL (FIXPOINT_BASE_URL), as its links carry it. */
	private String app() {
		return this.properties.baseUrl().replaceAll("/+$", "");
	}

	private TestWorkspace slack;

	private TestUser admin;

	private String project;

	@BeforeEach
	void connect() {
		this.admin = this.api.newUser("slackcmd");
		this.project = this.api.newProject(this.admin).get("key").asString();
		this.slack = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, this.admin).connect();
	}

	@Test
	void anUnlinkedSlackUserIsToldHowToLinkAndNothingElse() {
		String key = this.api.newBug(this.admin, this.project, "Secret checkout crash", "critical")
			.get("key")
			.asString();
		Api.Response answer = this.slack.command(this.slack.stranger(), "/bug", key);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(answer.body().get("text").asString()).contains("not linked")
			.contains(app() + "/integrations/slack/link/");
		assertThat(answer.raw()).doesNotContain(key).doesNotContain("Secret checkout").doesNotContain(this.project);
	}

	@Test
	void aSlackThatIsSlowToNameTheUserStillGetsItsAnswerWithinItsThreeSeconds() {
		String slow = "U" + this.slack.teamId.substring(1, 9) + "SLOW";
		// users.info answers after 6 s; the client waits 2 s for the calls made while
		// Slack waits (3 s) for the command's answer, then answers without the link
		this.slack.stub(
				com.github.tomakehurst.wiremock.client.WireMock
					.post(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/users.info"))
					.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("user=" + slow)),
				this.slack.json(Map.of("ok", true, "user",
						Map.of("id", slow, "is_email_confirmed", true, "profile", Map.of("email", this.admin.email()))))
					.withFixedDelay(6000));

		Api.Response answer = this.slack.command(slow, "/bug", "help");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("text").asString()).as("users.info gave up: not linked yet")
			.contains("not linked");
	}

	@Test
	void aMemberWhoseEmailSlackConfirmedIsLinkedOnFirstUseAndSeesTheBugPrivately() {
		JsonNode bug = this.api.newBug(this.admin, this.project, "Login <button> broken", "high");
		String me = this.slack.person(this.admin);

		Api.Response answer = this.slack.command(me, "/bug", bug.get("key").asString().toLowerCase());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("response_type").asString()).isEqualTo("ephemeral");
		assertThat(answer.raw()).contains(bug.get("key").asString())
			.contains("Login &lt;button&gt; broken")
			.contains(app() + "/bugs/" + bug.get("key").asString())
			.contains("High");
		assertThat(this.api.get("/api/me/integrations/slack", this.admin.token())
			.body()
			.get("linked")
			.get(0)
			.get("slack_user_id")
			.asString()).isEqualTo(me);
	}

	@Test
	void aBugTheCallerCannotSeeIsAnsweredAsNonExistent() {
		TestUser other = this.api.newUser("otherorg");
		String hidden = this.api.newProject(other).get("key").asString();
		String hiddenKey = this.api.newBug(other, hidden, "Other org's bug", "low").get("key").asString();
		String me = this.slack.person(this.admin);

		Api.Response hiddenAnswer = this.slack.command(me, "/bug", hiddenKey);
		Api.Response missingAnswer = this.slack.command(me, "/bug", this.project + "-9999");

		assertThat(hiddenAnswer.status()).isEqualTo(200);
		assertThat(hiddenAnswer.body().get("text").asString()).isEqualTo("No bug " + hiddenKey + " that you can see.");
		assertThat(missingAnswer.body().get("text").asString())
			.isEqualTo("No bug " + this.project + "-9999 that you can see.");
		assertThat(hiddenAnswer.raw()).doesNotContain("Other org");
	}

	@Test
	void searchUsesTheQueryLanguageWithinTheOrganization() {
		this.api.newBug(this.admin, this.project, "Payment page times out", "critical");
		this.api.newBug(this.admin, this.project, "Payment receipt typo", "low");
		String me = this.slack.person(this.admin);

		Api.Response answer = this.slack.command(me, "/bug", "search severity:critical payment");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.raw()).contains("Payment page times out").doesNotContain("receipt typo");
		Api.Response broken = this.slack.command(me, "/bug", "search severity:catastrophic");
		assertThat(broken.status()).isEqualTo(200);
		assertThat(broken.body().get("text").asString()).startsWith("That query could not be read");
	}

	@Test
	void reportBugOpensTheModalAndItsSubmissionFilesTheBugAsTheLinkedPerson() {
		String me = this.slack.person(this.admin);

		Api.Response opened = this.slack.command(me, "/report-bug", "Crash on save");

		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.raw()).isNullOrEmpty();
		JsonNode call = this.slack.sent("views.open").getLast();
		assertThat(call.get("trigger_id").asString()).isEqualTo("1337.42.abcdef");
		JsonNode view = call.get("view");
		assertThat(view.get("callback_id").asString()).isEqualTo("report_bug");
		assertThat(view.toString()).contains("\"initial_value\":\"Crash on save\"").contains(this.project);

		Api.Response submitted = this.slack.interaction(submission(me, this.project, "Crash on save", "critical",
				"1. open\n2. save", "https://acme.slack.com/archives/C1/p1700000000000100"));

		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.raw()).isNullOrEmpty();
		JsonNode filed = this.api.get("/api/projects/" + this.project + "/bugs", this.admin.token())
			.body()
			.get("items")
			.get(0);
		assertThat(filed.get("title").asString()).isEqualTo("Crash on save");
		assertThat(filed.get("severity").asString()).isEqualTo("critical");
		assertThat(filed.get("reporter").get("id").asString()).isEqualTo(this.admin.id().toString());
		assertThat(filed.get("steps_to_reproduce").asString()).isEqualTo("1. open\n2. save");
		assertThat(filed.get("description").asString())
			.contains("https://acme.slack.com/archives/C1/p1700000000000100");
		assertThat(filed.get("tags").toString()).contains("slack");
		JsonNode confirmation = this.slack.sent("chat.postMessage").getLast();
		assertThat(confirmation.get("channel").asString()).isEqualTo(me);
		assertThat(confirmation.get("text").asString()).contains(filed.get("key").asString());
		JsonNode history = this.api.get("/api/bugs/" + filed.get("key").asString() + "/history", this.admin.token())
			.body();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("field").asString()).isEqualTo("reported");
		assertThat(history.get(0).get("via").asString()).isEqualTo("slack");
		assertThat(history.get(0).get("user").get("id").asString()).isEqualTo(this.admin.id().toString());
		assertThat(dev.fixpoint.support.BrowserSession.signedIn(baseUrl(), this.api, this.admin)
			.get("/bugs/" + filed.get("key").asString())
			.text()).containsPattern("reported this bug\\s+via Slack");
	}

	@Test
	void aViewerCannotFileFromSlack() {
		TestUser viewer = this.api.newUser("slackviewer");
		this.api.addMember(this.admin, this.project, viewer, "viewer");
		String them = this.slack.person(viewer);

		Api.Response opened = this.slack.command(them, "/report-bug", "");
		assertThat(opened.body().get("text").asString()).contains("cannot file bugs");

		Api.Response submitted = this.slack.interaction(submission(them, this.project, "Sneaky", "low", "", ""));
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.body().get("response_action").asString()).isEqualTo("errors");
		assertThat(this.api.get("/api/projects/" + this.project + "/bugs", this.admin.token()).body().get("items"))
			.isEmpty();
	}

	static Map<String, Object> submission(String slackUser, String project, String title, String severity, String steps,
			String permalink) {
		return Map.of("type", "view_submission", "user", Map.of("id", slackUser), "view", Map.of("callback_id",
				"report_bug", "private_metadata", permalink, "state",
				Map.of("values", Map.of("project", value("selected_option", Map.of("value", project)), "title",
						value("value", title), "severity", value("selected_option", Map.of("value", severity)), "steps",
						value("value", steps), "expected", value("value", ""), "actual", value("value", "")))));
	}

	private static Map<String, Object> value(String field, Object value) {
		return Map.of("value", Map.of("type", "x", field, value));
	}

	static List<String> texts(List<JsonNode> calls) {
		return calls.stream().map(c -> c.path("text").asString("")).toList();
	}

}
