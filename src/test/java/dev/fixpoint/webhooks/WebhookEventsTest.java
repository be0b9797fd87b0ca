package dev.fixpoint.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.Hmacs;
import dev.fixpoint.platform.outbox.Outbox;
import dev.fixpoint.sla.SlaEscalations;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Multipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event of the catalogue beyond bug.created, delivered over real HTTP to a receiver
 * on localhost and signed: the release events (created, updated, released; no filter
 * applies, in order per webhook, retried), a bug's release fields as bug.updated, status
 * changes, assignments, attachments and SLA thresholds. The clock stands still: retries
 * and SLA thresholds are due when a test moves it.
 */
class WebhookEventsTest extends IntegrationTest {

	private static final String SECRET = "release-secret-for-tests";

	@Autowired
	Outbox outbox;

	@Autowired
	SlaEscalations escalations;

	Receiver receiver;

	TestUser admin;

	String project;

	@BeforeEach
	void setUp() throws Exception {
		this.clock.freeze();
		this.receiver = new Receiver();
		this.admin = this.api.newUser("Releaser");
		this.project = this.api.newProject(this.admin).get("key").asString();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
	}

	@Test
	void releaseEventsAreSignedAndCarryTheReleaseAsTheApiShowsIt() {
		// a filter selects bugs; it neither lets release events through nor holds them
		// back
		addHook(List.of("release.created", "release.updated", "release.released"), "severity:critical");

		JsonNode created = release("1.4");
		String id = created.get("id").asString();
		assertThat(this.receiver.events()).containsExactly("release.created");
		JsonNode first = verifiedBody(0);
		assertThat(first.get("delivery_id").asString())
			.isEqualTo(this.receiver.received().get(0).header("X-Fixpoint-Delivery"));
		assertThat(first.get("actor").get("id").asString()).isEqualTo(this.admin.id().toString());
		assertThat(first.get("project").get("key").asString()).isEqualTo(this.project);
		assertThat(first.get("release")).isEqualTo(this.api.get("/api/releases/" + id, this.admin.token()).body());
		assertThat(first.has("bug")).isFalse();

		patchRelease(id, Map.of("description", "The spring release"));
		assertThat(this.receiver.events()).containsExactly("release.created", "release.updated");
		JsonNode described = verifiedBody(1);
		assertThat(described.get("changes").get("description").get("from").asString()).isEmpty();
		assertThat(described.get("changes").get("description").get("to").asString()).isEqualTo("The spring release");
		assertThat(described.get("changes").has("name")).isFalse();

		patchRelease(id, Map.of("released_on", "2026-12-06"));
		assertThat(this.receiver.events()).containsExactly("release.created", "release.updated", "release.updated",
				"release.released");
		assertThat(verifiedBody(2).get("changes").get("released_on").get("to").asString()).isEqualTo("2026-12-06");
		JsonNode released = verifiedBody(3);
		assertThat(released.get("release").get("released_on").asString()).isEqualTo("2026-12-06");
		assertThat(released.get("release").get("name").asString()).isEqualTo("1.4");

		patchRelease(id, Map.of("archived", true, "released_on", "2026-12-06"));
		assertThat(this.receiver.events()).as("archiving is a change; released once")
			.hasSize(5)
			.last()
			.isEqualTo("release.updated");
		JsonNode archived = verifiedBody(4).get("changes");
		assertThat(archived.get("archived").get("from").asString()).isEqualTo("false");
		assertThat(archived.get("archived").get("to").asString()).isEqualTo("true");
		assertThat(archived.has("released_on")).isFalse();

		patchRelease(id, Map.of("description", "The spring release"));
		assertThat(this.receiver.received()).as("an edit that changes nothing sends nothing").hasSize(5);
	}

	@Test
	void onlyTheChosenReleaseEventsAreSentAndBugEventsStaySeparate() {
		addHook(List.of("release.released"), null);
		String id = release("2.0").get("id").asString();
		patchRelease(id, Map.of("name", "2.0.0"));
		this.api.newBug(this.admin, this.project, "Not a release", "low");
		assertThat(this.receiver.received()).isEmpty();

		patchRelease(id, Map.of("released_on", "2026-12-01"));
		assertThat(this.receiver.events()).containsExactly("release.released");
		assertThat(verifiedBody(0).get("release").get("name").asString()).isEqualTo("2.0.0");
	}

	@Test
	void aReleaseDeliveryIsRetriedAfter500AndTheLaterOnesWaitForIt() {
		this.receiver.answer(Receiver.Answer.status(500));
		JsonNode hook = addHook(List.of("release.created", "release.updated"), null);
		String id = release("3.1").get("id").asString();
		patchRelease(id, Map.of("due_on", "2027-01-15"));
		assertThat(this.receiver.events()).as("the update waits for the creation").containsExactly("release.created");
		assertThat(this.outbox.deliverDue()).as("waits for its backoff").isZero();

		this.clock.advance(Duration.ofSeconds(2));
		this.outbox.deliverDue();
		this.clock.advance(Duration.ofMinutes(20));
		this.outbox.deliverDue();

		List<Receiver.Request> received = this.receiver.received();
		assertThat(this.receiver.events()).as("exactly once more, then the update")
			.containsExactly("release.created", "release.created", "release.updated");
		assertThat(received.get(1).header("X-Fixpoint-Delivery"))
			.isEqualTo(received.get(0).header("X-Fixpoint-Delivery"));
		assertThat(verifiedBody(2).get("changes").get("due_on").get("to").asString()).isEqualTo("2027-01-15");
		JsonNode log = this.api.get("/api/webhooks/" + hook.get("id").asString() + "/deliveries", this.admin.token())
			.body()
			.get("items");
		List<String> logged = new java.util.ArrayList<>();
		log.forEach(d -> logged.add(d.get("event").asString() + " " + d.get("state").asString()));
		assertThat(logged).containsExactlyInAnyOrder("release.created delivered", "release.updated delivered");
	}

	@Test
	void aBugsReleaseFieldsTravelAsBugUpdated() {
		release("1.4");
		addHook(List.of("bug.updated"), null);
		String key = this.api.newBug(this.admin, this.project, "Crash on export", "high").get("key").asString();

		this.api.patch("/api/bugs/" + key, this.admin.token(), Map.of("fixed_in", "1.4"));

		assertThat(this.receiver.events()).containsExactly("bug.updated");
		JsonNode body = verifiedBody(0);
		assertThat(body.get("bug").get("fixed_in").asString()).isEqualTo("1.4");
		assertThat(body.get("changes").get("fixed_in").get("from").isNull()).isTrue();
		assertThat(body.get("changes").get("fixed_in").get("to").asString()).isEqualTo("1.4");
	}

	@Test
	void assignmentsAndStatusChangesAreTheirOwnEvents() {
		TestUser dev = this.api.newUser("Dev");
		this.api.addMember(this.admin, this.project, dev, "developer");
		addHook(List.of("bug.assigned", "bug.status_changed"), null);
		String key = this.api.newBug(this.admin, this.project, "Login loops", "high").get("key").asString();

		this.api.patch("/api/bugs/" + key, this.admin.token(), Map.of("assignee_id", dev.id().toString()));
		this.api.patch("/api/bugs/" + key, this.admin.token(), Map.of("status", "resolved", "resolution", "fixed"));

		assertThat(this.receiver.events()).containsExactly("bug.assigned", "bug.status_changed");
		JsonNode assigned = verifiedBody(0);
		assertThat(assigned.get("assignment").get("assignee_id").asString()).isEqualTo(dev.id().toString());
		assertThat(assigned.get("assignment").get("previous_assignee_id").isNull()).isTrue();
		JsonNode moved = verifiedBody(1).get("status_change");
		assertThat(moved.get("to").asString()).isEqualTo("resolved");
		assertThat(moved.get("to_category").asString()).isEqualTo("done");
		assertThat(verifiedBody(1).get("bug").get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void anAttachmentAddedIsSentWithTheFile() {
		addHook(List.of("attachment.created"), null);
		String bugId = this.api.newBug(this.admin, this.project, "Screen flickers", "high").get("id").asString();

		Api.Response uploaded = new Multipart(baseUrl(), this.json).upload("/api/bugs/" + bugId + "/attachments",
				this.admin.token(), "console.txt", "TypeError: x is undefined\n".getBytes(StandardCharsets.UTF_8));
		assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);

		assertThat(this.receiver.events()).containsExactly("attachment.created");
		JsonNode body = verifiedBody(0);
		assertThat(body.get("attachment").get("filename").asString()).isEqualTo("console.txt");
		assertThat(body.get("attachment").get("id").asString()).isEqualTo(uploaded.body().get("id").asString());
		assertThat(body.get("bug").get("id").asString()).isEqualTo(bugId);
	}

	@Test
	void anSlaThresholdReachedIsSentWhenTheClockPassesIt() {
		TestUser dev = this.api.newUser("Oncall");
		this.api.addMember(this.admin, this.project, dev, "developer");
		addHook(List.of("sla.threshold_reached"), "severity:critical");
		String key = this.api.newBug(this.admin, this.project, "Payments fail", "critical").get("key").asString();
		this.api.patch("/api/bugs/" + key, this.admin.token(),
				Map.of("assignee_id", dev.id().toString(), "priority", "P2"));
		this.escalations.escalate(this.clock.instant());
		assertThat(this.receiver.received()).isEmpty();

		this.clock.advance(Duration.ofMinutes(121));
		this.escalations.escalate(this.clock.instant());

		assertThat(this.receiver.events()).containsExactly("sla.threshold_reached");
		JsonNode body = verifiedBody(0);
		assertThat(body.get("sla").get("percent").asInt()).isEqualTo(50);
		assertThat(body.get("sla").get("breached").asBoolean()).isFalse();
		assertThat(body.get("bug").get("key").asString()).isEqualTo(key);
		assertThat(body.get("actor").isNull()).as("the system").isTrue();
	}

	private JsonNode addHook(List<String> events, String filter) {
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("url", this.receiver.url(), "events", events, "secret", SECRET));
		if (filter != null) {
			body.put("filter", filter);
		}
		Api.Response r = this.api.post("/api/projects/" + this.project + "/webhooks", this.admin.token(), body);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body();
	}

	private JsonNode release(String name) {
		Api.Response r = this.api.post("/api/projects/" + this.project + "/releases", this.admin.token(),
				Map.of("name", name));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body();
	}

	private void patchRelease(String id, Map<String, Object> changes) {
		Api.Response r = this.api.patch("/api/releases/" + id, this.admin.token(), changes);
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
	}

	/** The body of the n-th request, after checking its signature and event header. */
	private JsonNode verifiedBody(int index) {
		Receiver.Request request = this.receiver.received().get(index);
		byte[] raw = request.body().getBytes(StandardCharsets.UTF_8);
		assertThat(request.header("X-Fixpoint-Signature-256")).isEqualTo("sha256=" + Hmacs.sha256Hex(SECRET, raw));
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.get("event").asString()).isEqualTo(request.header("X-Fixpoint-Event"));
		assertDocumented(body);
		return body;
	}

	/** The body has exactly the members the API description's webhooks entry lists. */
	private void assertDocumented(JsonNode body) {
		String event = body.get("event").asString();
		JsonNode schema = this.api.get("/v3/api-docs", null)
			.body()
			.path("webhooks")
			.path(event)
			.path("post")
			.path("requestBody")
			.path("content")
			.path("application/json")
			.path("schema");
		List<String> documented = new java.util.ArrayList<>(schema.path("properties").propertyNames());
		assertThat(body.propertyNames()).as("the members of a %s body", event)
			.containsExactlyInAnyOrderElementsOf(documented);
	}

}
