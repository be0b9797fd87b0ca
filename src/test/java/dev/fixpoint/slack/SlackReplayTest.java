package dev.fixpoint.slack;

import java.time.Duration;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed request is taken once by the whole installation: its signature is recorded in
 * PostgreSQL ({@code slack_requests_seen}), which every node shares, so a replay is 401
 * wherever it arrives, and changes nothing; signatures past the 5-minute window are
 * pruned.
 */
class SlackReplayTest extends IntegrationTest {

	private static final String INTERACTIONS = "/api/integrations/slack/interactions";

	private static final String FORM = "application/x-www-form-urlencoded";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SeenRequests seen;

	private TestWorkspace slack;

	private TestUser admin;

	private String project;

	private String me;

	@BeforeEach
	void connect() {
		this.admin = this.api.newUser("slackreplay");
		this.project = this.api.newProject(this.admin).get("key").asString();
		this.slack = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, this.admin).connect();
		this.me = this.slack.person(this.admin);
	}

	@Test
	void theSameSignedSubmissionTwiceFilesOneBug() {
		String body = submission("Filed once, however often it is sent");
		String ts = this.slack.now();

		assertThat(this.slack.send(INTERACTIONS, FORM, body, ts, this.slack.signingSecret).status()).isEqualTo(200);
		Api.Response replay = this.slack.send(INTERACTIONS, FORM, body, ts, this.slack.signingSecret);

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.header("content-type")).startsWith("application/problem+json");
		assertThat(replay.raw()).contains("already received");
		assertThat(bugs()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from slack_requests_seen where signature_hash = :hash")
			.param("hash", SlackPeople.hash(SlackSignature.sign(this.slack.signingSecret, ts, bytes(body))))
			.query(Integer.class)
			.single()).as("recorded in the database every node reads").isEqualTo(1);
	}

	@Test
	void aRequestAnotherNodeTookIsRefusedHere() {
		String body = submission("Taken by the other node");
		String ts = this.slack.now();
		// what the other node wrote when it took this very request
		this.seen.firstTime(SlackSignature.sign(this.slack.signingSecret, ts, bytes(body)), this.clock.instant());

		Api.Response replay = this.slack.send(INTERACTIONS, FORM, body, ts, this.slack.signingSecret);

		assertThat(replay.status()).isEqualTo(401);
		assertThat(bugs()).isZero();
	}

	@Test
	void signaturesPastTheWindowArePruned() {
		String body = submission("Pruned later");
		String ts = this.slack.now();
		assertThat(this.slack.send(INTERACTIONS, FORM, body, ts, this.slack.signingSecret).status()).isEqualTo(200);
		String hash = SlackPeople.hash(SlackSignature.sign(this.slack.signingSecret, ts, bytes(body)));

		this.seen.prune();
		assertThat(stored(hash)).as("still inside the window").isTrue();

		this.clock.advance(Duration.ofMinutes(6).plusSeconds(1));
		assertThat(this.seen.prune()).isPositive();
		assertThat(stored(hash)).isFalse();
		assertThat(this.slack.send(INTERACTIONS, FORM, body, ts, this.slack.signingSecret).status())
			.as("too old now: the timestamp check refuses it")
			.isEqualTo(401);
	}

	private String submission(String title) {
		return TestWorkspace.form(Map.of("payload", this.json
			.writeValueAsString(withTeam(SlackCommandsTest.submission(this.me, this.project, title, "high", "", "")))));
	}

	private Map<String, Object> withTeam(Map<String, Object> payload) {
		Map<String, Object> with = new java.util.LinkedHashMap<>(payload);
		with.put("team", Map.of("id", this.slack.teamId, "domain", "acme"));
		return with;
	}

	private int bugs() {
		return this.api.get("/api/projects/" + this.project + "/bugs", this.admin.token()).body().get("items").size();
	}

	private boolean stored(String hash) {
		return this.jdbc.sql("select exists (select 1 from slack_requests_seen where signature_hash = :hash)")
			.param("hash", hash)
			.query(Boolean.class)
			.single();
	}

	private static byte[] bytes(String body) {
		return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
