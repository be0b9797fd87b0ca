package dev.fixpoint.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.Hmacs;
import dev.fixpoint.platform.outbox.Outbox;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks against a real receiver on localhost (the tests allow private targets): what
 * is sent, signed how, retried when, in which order, and what is never sent. The outbox
 * delivers on the committing thread in tests, so a request's deliveries have reached the
 * receiver when its answer arrives; retries wait for the test clock.
 */
class WebhookDeliveryTest extends IntegrationTest {

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	Receiver receiver;

	TestUser admin;

	String project;

	@BeforeEach
	void setUp() throws Exception {
		this.clock.freeze(); // retries are due when a test advances the clock, not when
								// the machine is slow
		this.receiver = new Receiver();
		this.admin = this.api.newUser("Hooker");
		this.project = this.api.newProject(this.admin).get("key").asString();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
	}

	@Test
	void aDeliveryIsSignedWithTheSecretAndCarriesTheBugAsTheApiShowsIt() throws Exception {
		JsonNode hook = addHook(
				Map.of("url", this.receiver.url(), "events", List.of("bug.created"), "secret", "s3cret-for-tests"));
		assertThat(hook.has("secret")).as("a secret the admin chose is not echoed").isFalse();

		JsonNode bug = this.api.newBug(this.admin, this.project, "Checkout crashes", "critical");

		assertThat(this.receiver.received()).hasSize(1);
		Receiver.Request request = this.receiver.received().get(0);
		assertThat(request.header("X-Fixpoint-Event")).isEqualTo("bug.created");
		assertThat(request.header("Content-Type")).startsWith("application/json");
		String expected = "sha256="
				+ Hmacs.sha256Hex("s3cret-for-tests", request.body().getBytes(StandardCharsets.UTF_8));
		assertThat(request.header("X-Fixpoint-Signature-256")).isEqualTo(expected);
		byte[] raw = request.body().getBytes(StandardCharsets.UTF_8);
		assertThat(readmeVerified("s3cret-for-tests", raw, request.header("X-Fixpoint-Signature-256"))).isTrue();
		raw[raw.length - 2] ^= 1;
		assertThat(readmeVerified("s3cret-for-tests", raw, request.header("X-Fixpoint-Signature-256"))).isFalse();
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.get("event").asString()).isEqualTo("bug.created");
		assertThat(body.get("delivery_id").asString()).isEqualTo(request.header("X-Fixpoint-Delivery"));
		assertThat(body.get("actor").get("id").asString()).isEqualTo(this.admin.id().toString());
		JsonNode shown = this.api.get("/api/bugs/" + bug.get("key").asString(), this.admin.token()).body();
		assertThat(body.get("bug")).isEqualTo(shown);

		JsonNode log = this.api.get("/api/webhooks/" + hook.get("id").asString() + "/deliveries", this.admin.token())
			.body();
		JsonNode first = log.get("items").get(0);
		assertThat(first.get("state").asString()).isEqualTo("delivered");
		assertThat(first.get("status_code").asInt()).isEqualTo(200);
		assertThat(first.get("request_body").asString()).isEqualTo(request.body());
		assertThat(first.get("response_excerpt").asString()).contains("ok");
	}

	@Test
	void aGeneratedSecretIsShownOnceAndSignsTheDeliveries() {
		JsonNode hook = addHook(Map.of("url", this.receiver.url(), "events", List.of("bug.created")));
		String secret = hook.get("secret").asString();
		assertThat(secret).isNotBlank();
		assertThat(this.api.get("/api/webhooks/" + hook.get("id").asString(), this.admin.token()).body().has("secret"))
			.isFalse();

		this.api.newBug(this.admin, this.project, "Typo", "low");

		Receiver.Request request = this.receiver.received().get(0);
		assertThat(request.header("X-Fixpoint-Signature-256"))
			.isEqualTo("sha256=" + Hmacs.sha256Hex(secret, request.body().getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void after500TheDeliveryIsRetriedOnceMoreAndSucceeds() {
		this.receiver.answer(Receiver.Answer.status(500));
		JsonNode hook = addHook(Map.of("url", this.receiver.url(), "events", List.of("bug.created")));

		this.api.newBug(this.admin, this.project, "Flaky", "high");
		assertThat(this.receiver.received()).hasSize(1);
		assertThat(this.outbox.deliverDue()).as("waits for its backoff").isZero();

		this.clock.advance(Duration.ofSeconds(2));
		this.outbox.deliverDue();
		this.clock.advance(Duration.ofMinutes(20));
		this.outbox.deliverDue();

		List<Receiver.Request> received = this.receiver.received();
		assertThat(received).as("exactly once more").hasSize(2);
		assertThat(received.get(1).header("X-Fixpoint-Delivery"))
			.isEqualTo(received.get(0).header("X-Fixpoint-Delivery"));
		assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
		JsonNode delivery = deliveries(hook).get(0);
		assertThat(delivery.get("state").asString()).isEqualTo("delivered");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
	}

	@Test
	void afterADroppedConnectionTheDeliveryIsRetriedOnceMore() {
		this.receiver.answer(Receiver.Answer.DROP);
		JsonNode hook = addHook(Map.of("url", this.receiver.url(), "events", List.of("bug.created")));

		this.api.newBug(this.admin, this.project, "Dropped", "high");
		JsonNode failed = deliveries(hook).get(0);
		assertThat(failed.get("state").asString()).isEqualTo("pending");
		assertThat(failed.get("error").asString()).isNotBlank();

		this.clock.advance(Duration.ofSeconds(2));
		this.outbox.deliverDue();
		this.clock.advance(Duration.ofMinutes(20));
		this.outbox.deliverDue();

		assertThat(this.receiver.received()).hasSize(2);
		assertThat(deliveries(hook).get(0).get("state").asString()).isEqualTo("delivered");
	}

	@Test
	void retryAfterOf429IsHonoured() {
		this.receiver.answer(new Receiver.Answer(429, Map.of("Retry-After", "120")));
		addHook(Map.of("url", this.receiver.url(), "events", List.of("bug.created")));
		this.api.newBug(this.admin, this.project, "Rate limited", "high");

		this.clock.advance(Duration.ofSeconds(60));
		this.outbox.deliverDue();
		assertThat(this.receiver.received()).as("not before Retry-After").hasSize(1);

		this.clock.advance(Duration.ofSeconds(61));
		this.outbox.deliverDue();
		assertThat(this.receiver.received()).hasSize(2);
	}

	@Test
	void oneBugsDeliveriesArriveInOrderWhileAnEarlierOneIsRetried() {
		this.receiver.answer(Receiver.Answer.status(503));
		addHook(Map.of("url", this.receiver.url(), "events", List.of("bug.created", "bug.updated", "comment.created")));
		String key = this.api.newBug(this.admin, this.project, "Ordered", "medium").get("key").asString();
		this.api.patch("/api/bugs/" + key, this.admin.token(), Map.of("title", "Ordered, renamed"));
		this.api.post("/api/bugs/" + key + "/comments", this.admin.token(), Map.of("content", "first"));
		assertThat(this.receiver.events()).as("the later ones wait for the first").containsExactly("bug.created");

		String other = this.api.newBug(this.admin, this.project, "Another bug", "medium").get("key").asString();
		assertThat(this.receiver.events()).as("another bug does not wait").hasSize(2);
		assertThat(bodyOf(1).get("bug").get("key").asString()).isEqualTo(other);

		this.clock.advance(Duration.ofSeconds(2));
		this.outbox.deliverDue();
		assertThat(this.receiver.events()).containsExactly("bug.created", "bug.created", "bug.created", "bug.updated",
				"comment.created");
		assertThat(bodyOf(3).get("bug").get("title").asString()).isEqualTo("Ordered, renamed");
	}

	@Test
	void internalNotesAreSentOnlyToWebhooksThatChoseThem() throws Exception {
		try (Receiver internal = new Receiver()) {
			addHook(Map.of("url", this.receiver.url(), "events", List.of("comment.created")));
			addHook(Map.of("url", internal.url(), "events", List.of("comment.created"), "internal_notes", true));
			String key = this.api.newBug(this.admin, this.project, "Notes", "low").get("key").asString();

			this.api.post("/api/bugs/" + key + "/comments", this.admin.token(),
					Map.of("content", "internal: the customer is Acme", "is_internal", true));
			this.api.post("/api/bugs/" + key + "/comments", this.admin.token(), Map.of("content", "public reply"));

			assertThat(this.receiver.received()).hasSize(1);
			assertThat(this.receiver.received().get(0).body()).contains("public reply").doesNotContain("Acme");
			assertThat(internal.received()).hasSize(2);
			assertThat(internal.received().get(0).body()).contains("Acme");
		}
	}

	@Test
	void aRedeliverySendsTheSameBodyUnderANewDeliveryId() {
		JsonNode hook = addHook(Map.of("url", this.receiver.url(), "events", List.of("bug.created")));
		this.api.newBug(this.admin, this.project, "Redeliver me", "low");
		String original = deliveries(hook).get(0).get("id").asString();

		Api.Response redelivered = this.api.post(
				"/api/webhooks/" + hook.get("id").asString() + "/deliveries/" + original + "/redeliver",
				this.admin.token(), null);

		assertThat(redelivered.status()).isEqualTo(202);
		assertThat(redelivered.body().get("redelivery_of").asString()).isEqualTo(original);
		assertThat(this.receiver.received()).hasSize(2);
		JsonNode first = this.json.readTree(this.receiver.received().get(0).body());
		JsonNode second = this.json.readTree(this.receiver.received().get(1).body());
		assertThat(second.get("delivery_id").asString()).isEqualTo(redelivered.body().get("id").asString())
			.isNotEqualTo(original);
		assertThat(second.get("bug")).isEqualTo(first.get("bug"));
		assertThat(deliveries(hook).get(0).get("state").asString()).isEqualTo("delivered");
	}

	@Test
	void aPingIsSentOnRequest() {
		JsonNode hook = addHook(Map.of("url", this.receiver.url(), "events", List.of("bug.created")));
		Api.Response ping = this.api.post("/api/webhooks/" + hook.get("id").asString() + "/ping", this.admin.token(),
				null);
		assertThat(ping.status()).isEqualTo(202);
		assertThat(this.receiver.events()).containsExactly("ping");
		assertThat(bodyOf(0).get("webhook").get("id").asString()).isEqualTo(hook.get("id").asString());
	}

	@Test
	void onlyBugsPassingTheFilterAreSent() {
		addHook(Map.of("url", this.receiver.url(), "events", List.of("bug.created"), "filter", "severity:critical"));
		this.api.newBug(this.admin, this.project, "Minor", "low");
		this.api.newBug(this.admin, this.project, "Outage", "critical");
		assertThat(this.receiver.received()).hasSize(1);
		assertThat(bodyOf(0).get("bug").get("title").asString()).isEqualTo("Outage");
	}

	@Test
	void aWebhookFailingForADayIsDisabledAndItsOwnerEmailed() {
		this.receiver.answer(Receiver.Answer.status(500), Receiver.Answer.status(500), Receiver.Answer.status(500));
		JsonNode hook = addHook(Map.of("url", this.receiver.url(), "events", List.of("bug.created")));
		this.api.newBug(this.admin, this.project, "Down all day", "high");

		this.clock.advance(Duration.ofHours(12));
		this.outbox.deliverDue();
		assertThat(this.api.get("/api/webhooks/" + hook.get("id").asString(), this.admin.token())
			.body()
			.get("active")
			.asBoolean()).isTrue();
		this.clock.advance(Duration.ofHours(13));
		this.outbox.deliverDue();

		JsonNode after = this.api.get("/api/webhooks/" + hook.get("id").asString(), this.admin.token()).body();
		assertThat(after.get("active").asBoolean()).isFalse();
		assertThat(after.get("disabled_reason").asString()).contains("24 hours");
		assertThat(deliveries(hook).get(0).get("state").asString()).isEqualTo("failed");
		assertThat(this.jdbc.sql("select count(*) from emails where user_id = :u and subject like '%disabled%'")
			.param("u", this.admin.id())
			.query(Integer.class)
			.single()).isEqualTo(1);

		this.api.newBug(this.admin, this.project, "Not sent", "high");
		this.clock.advance(Duration.ofHours(1));
		this.outbox.deliverDue();
		assertThat(this.receiver.received()).as("a disabled webhook gets nothing").hasSize(3);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		assertBadField(Map.of("url", "not a url", "events", List.of("bug.created")), "url");
		assertBadField(Map.of("url", "ftp://example.com/x", "events", List.of("bug.created")), "url");
		assertBadField(Map.of("url", "https://example.com/x", "events", List.of("bug.exploded")), "events");
		assertBadField(Map.of("url", "https://example.com/x", "events", List.of("bug.created"), "filter", "severity:"),
				"filter");
		assertBadField(Map.of("url", "https://example.com/x", "events", List.of()), "events");
	}

	@Test
	void onlyAdministratorsManageWebhooks() {
		TestUser dev = this.api.newUser("Dev");
		TestUser stranger = this.api.newUser("Stranger");
		this.api.addMember(this.admin, this.project, dev, "developer");
		Map<String, Object> hook = Map.of("url", "https://example.com/x", "events", List.of("bug.created"));

		assertThat(this.api.post("/api/projects/" + this.project + "/webhooks", dev.token(), hook).status())
			.isEqualTo(403);
		assertThat(this.api.post("/api/projects/" + this.project + "/webhooks", stranger.token(), hook).status())
			.isEqualTo(404);
		String id = addHook(hook).get("id").asString();
		assertThat(this.api.get("/api/webhooks/" + id + "/deliveries", dev.token()).status()).isEqualTo(403);
		assertThat(this.api.delete("/api/webhooks/" + id, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/webhooks/" + id, this.admin.token()).status()).isEqualTo(204);
	}

	private void assertBadField(Map<String, Object> body, String field) {
		Api.Response r = this.api.post("/api/projects/" + this.project + "/webhooks", this.admin.token(), body);
		assertThat(r.status()).as(r.raw()).isEqualTo(400);
		assertThat(r.body().get("errors").get(0).get("field").asString()).as(r.raw()).isEqualTo(field);
	}

	private JsonNode addHook(Map<String, Object> body) {
		Api.Response r = this.api.post("/api/projects/" + this.project + "/webhooks", this.admin.token(), body);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body();
	}

	private JsonNode deliveries(JsonNode hook) {
		return this.api.get("/api/webhooks/" + hook.get("id").asString() + "/deliveries", this.admin.token())
			.body()
			.get("items");
	}

	private JsonNode bodyOf(int index) {
		return this.json.readTree(this.receiver.received().get(index).body());
	}

	/** The README's Java verification snippet, verbatim (Webhooks section). */
	static boolean readmeVerified(String secret, byte[] rawBody, String header)
			throws java.security.GeneralSecurityException {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = ("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(rawBody)))
			.getBytes(StandardCharsets.US_ASCII);
		byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.US_ASCII);
		return java.security.MessageDigest.isEqual(expected, given); // constant time
	}

}
