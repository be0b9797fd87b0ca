package dev.fixpoint.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.sla.SlaThresholdReached;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationApiTest extends IntegrationTest {

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private TestUser admin, dev, qa, viewer, outsider;

	private String key;

	@BeforeEach
	void project() {
		this.admin = this.api.newUser("Admin");
		this.dev = this.api.newUser("Dev");
		this.qa = this.api.newUser("Qa");
		this.viewer = this.api.newUser("Viewer");
		this.outsider = this.api.newUser("Outsider");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.key, this.dev, "developer");
		this.api.addMember(this.admin, this.key, this.qa, "qa");
		this.api.addMember(this.admin, this.key, this.viewer, "viewer");
	}

	@Test
	void assigningABugNotifiesTheAssigneeButNeverTheActor() {
		String bug = bug(this.qa, "Checkout button does nothing");
		assertThat(patch(this.admin, bug, Map.of("assignee_id", this.dev.id().toString()))).isEqualTo(200);

		JsonNode items = list(this.dev, false).get("items");
		assertThat(items).hasSize(1);
		JsonNode n = items.get(0);
		assertThat(n.get("kind").asString()).isEqualTo("assigned");
		assertThat(n.get("bug").get("key").asString()).isEqualTo(bug);
		assertThat(n.get("bug").get("title").asString()).isEqualTo("Checkout button does nothing");
		assertThat(n.get("bug").get("url").asString()).isEqualTo("/bugs/" + bug);
		assertThat(n.get("actor").get("username").asString()).isEqualTo(this.admin.username());
		assertThat(n.get("text").asString()).contains("assigned " + bug + " to you");
		assertThat(n.get("read_at").isNull()).isTrue();
		assertThat(unread(this.dev)).isEqualTo(1);
		assertThat(unread(this.admin)).isZero();
		assertThat(unread(this.qa)).isZero(); // the reporter hears about status changes
												// and comments, not assignments
	}

	@Test
	void statusChangesReachReporterAssigneeAndWatchersExceptTheActorAndWhoMuted() {
		String bug = bug(this.qa, "Search is slow");
		patch(this.admin, bug, Map.of("assignee_id", this.dev.id().toString()));
		assertThat(this.api.post("/api/bugs/" + bug + "/watchers", this.viewer.token(), Map.of()).status())
			.isEqualTo(200);
		assertThat(this.api.put("/api/bugs/" + bug + "/mute", this.admin.token(), Map.of()).status()).isEqualTo(200);

		assertThat(patch(this.dev, bug, Map.of("status", "in_progress"))).isEqualTo(200);

		assertThat(kinds(this.qa)).containsExactly("status_change");
		assertThat(kinds(this.viewer)).containsExactly("status_change");
		assertThat(kinds(this.dev)).containsExactly("assigned"); // the actor: nothing
																	// about their own
																	// move
		assertThat(kinds(this.admin)).isEmpty(); // muted
		assertThat(list(this.qa, true).get("items").get(0).get("text").asString()).contains("from Open to In Progress");
	}

	@Test
	void internalNotesNotifyOnlyTheTeamAndMentionsAreNotDoubled() {
		String bug = bug(this.qa, "Payment fails");
		this.api.post("/api/bugs/" + bug + "/watchers", this.viewer.token(), Map.of());
		this.api.post("/api/bugs/" + bug + "/watchers", this.admin.token(), Map.of());

		comment(this.dev, bug, "Root cause found, cc @" + this.admin.username(), true);

		assertThat(kinds(this.viewer)).isEmpty();
		assertThat(kinds(this.qa)).containsExactly("comment");
		assertThat(list(this.qa, false).get("items").get(0).get("text").asString()).contains("internal note");
		assertThat(kinds(this.admin)).containsExactly("mention");

		comment(this.dev, bug, "Public update", false);
		assertThat(kinds(this.viewer)).containsExactly("comment");
		// commenting made the developer a watcher
		assertThat(this.api.get("/api/bugs/" + bug + "/subscription", this.dev.token()).body().get("reason").asString())
			.isEqualTo("commenter");
	}

	@Test
	void slaWarningsGoToTheAssigneeAndBreachesToAdminsToo() {
		String bug = bug(this.qa, "Orders are lost");
		patch(this.admin, bug, Map.of("assignee_id", this.dev.id().toString()));
		JsonNode b = this.api.get("/api/bugs/" + bug, this.dev.token()).body();
		UUID bugId = UUID.fromString(b.get("id").asString());
		UUID projectId = UUID.fromString(b.get("project_id").asString());
		Instant due = Instant.parse("2026-11-25T18:00:00Z");

		this.publisher.publishEvent(
				new SlaThresholdReached(bugId, projectId, bug, "Orders are lost", "critical", this.dev.id(), 75, due));
		assertThat(kinds(this.dev)).containsExactly("sla", "assigned");
		assertThat(kinds(this.admin)).isEmpty();

		this.publisher.publishEvent(
				new SlaThresholdReached(bugId, projectId, bug, "Orders are lost", "critical", this.dev.id(), 100, due));
		assertThat(kinds(this.admin)).containsExactly("sla");
		assertThat(list(this.admin, false).get("items").get(0).get("text").asString())
			.isEqualTo("SLA breached: " + bug + " (critical) was due 2026-11-25 18:00 UTC");
		assertThat(kinds(this.qa)).isEmpty();
	}

	@Test
	void aFailingDeliveryNeverRollsBackTheChangeItIsAbout() {
		UUID projectId = UUID
			.fromString(this.api.get("/api/projects/" + this.key, this.admin.token()).body().get("id").asString());
		String probe = "probe-" + UUID.randomUUID();
		UUID gone = UUID.randomUUID();
		// an event about a bug that does not exist: the change commits, the delivery
		// after
		// it finds nobody to tell and is done
		this.transactions.executeWithoutResult(status -> {
			this.publisher.publishEvent(new SlaThresholdReached(gone, projectId, "NOPE-1", "Gone", "high",
					this.admin.id(), 50, Instant.now()));
			this.jdbc.sql("insert into notification_secrets (name, secret, created_at) values (:n, '\\x00', now())")
				.param("n", probe)
				.update();
		});
		assertThat(this.jdbc.sql("select count(*) from notification_secrets where name = :n")
			.param("n", probe)
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.jdbc.sql("delete from notification_secrets where name = :n").param("n", probe).update();
		assertThat(this.jdbc.sql("select count(*) from outbox where aggregate_id = :bug")
			.param("bug", gone)
			.query(Integer.class)
			.single()).as("delivered (to nobody), not retried").isZero();
	}

	@Test
	void markReadByIdsOrAllAndPageByCursor() {
		List<String> bugs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String bug = bug(this.qa, "Bug " + i);
			bugs.add(bug);
			patch(this.admin, bug, Map.of("assignee_id", this.dev.id().toString()));
		}
		JsonNode first = this.api.get("/api/notifications?limit=2", this.dev.token()).body();
		assertThat(first.get("items")).hasSize(2);
		assertThat(first.get("items").get(0).get("bug").get("key").asString()).isEqualTo(bugs.get(2));
		String cursor = first.get("next_cursor").asString();
		JsonNode second = this.api.get("/api/notifications?limit=2&cursor=" + cursor, this.dev.token()).body();
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("next_cursor").isNull()).isTrue();
		assertThat(second.get("items").get(0).get("bug").get("key").asString()).isEqualTo(bugs.get(0));

		String id = first.get("items").get(0).get("id").asString();
		Api.Response read = this.api.post("/api/notifications/read", this.dev.token(), Map.of("ids", List.of(id)));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().get("marked_read").asInt()).isEqualTo(1);
		assertThat(read.body().get("unread_count").asInt()).isEqualTo(2);
		assertThat(list(this.dev, true).get("items")).hasSize(2);
		// someone else's id changes nothing
		assertThat(this.api.post("/api/notifications/read", this.admin.token(), Map.of("ids", List.of(id)))
			.body()
			.get("marked_read")
			.asInt()).isZero();

		assertThat(this.api.post("/api/notifications/read", this.dev.token(), Map.of("all", true))
			.body()
			.get("unread_count")
			.asInt()).isZero();
		assertThat(this.api.post("/api/notifications/read", this.dev.token(), Map.of()).status()).isEqualTo(400);
		assertThat(this.api.get("/api/notifications?cursor=nonsense", this.dev.token()).status()).isEqualTo(400);
	}

	@Test
	void watchingAndMutingFollowProjectAccess() {
		String bug = bug(this.qa, "Logo is blurry");
		assertThat(this.api.post("/api/bugs/" + bug + "/watchers", this.outsider.token(), Map.of()).status())
			.isEqualTo(404);
		assertThat(this.api.put("/api/bugs/" + bug + "/mute", this.outsider.token(), Map.of()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/bugs/" + bug + "/subscription", this.outsider.token()).status()).isEqualTo(404);

		JsonNode reporter = this.api.get("/api/bugs/" + bug + "/subscription", this.qa.token()).body();
		assertThat(reporter.get("watching").asBoolean()).isTrue();
		assertThat(reporter.get("reason").asString()).isEqualTo("reporter");

		JsonNode viewer = this.api.get("/api/bugs/" + bug + "/subscription", this.viewer.token()).body();
		assertThat(viewer.get("watching").asBoolean()).isFalse();
		viewer = this.api.post("/api/bugs/" + bug + "/watchers", this.viewer.token(), Map.of()).body();
		assertThat(viewer.get("watching").asBoolean()).isTrue();
		viewer = this.api.put("/api/bugs/" + bug + "/mute", this.viewer.token(), Map.of()).body();
		assertThat(viewer.get("muted").asBoolean()).isTrue();
		assertThat(viewer.get("watching").asBoolean()).isFalse();
		viewer = this.api.delete("/api/bugs/" + bug + "/mute", this.viewer.token()).body();
		assertThat(viewer.get("muted").asBoolean()).isFalse();
		assertThat(viewer.get("watching").asBoolean()).isTrue();
		viewer = this.api.delete("/api/bugs/" + bug + "/watchers", this.viewer.token()).body();
		assertThat(viewer.get("watching").asBoolean()).isFalse();
	}

	@Test
	void preferencesDefaultToDigestAndAreValidated() {
		JsonNode defaults = this.api.get("/api/me/notification-preferences", this.dev.token()).body();
		assertThat(defaults.get("email").get("assigned").asString()).isEqualTo("digest");
		assertThat(defaults.get("email").get("sla").asString()).isEqualTo("digest");
		assertThat(defaults.get("digest").asString()).isEqualTo("daily");
		assertThat(defaults.get("digest_hour").asInt()).isEqualTo(9);
		assertThat(defaults.get("time_zone").asString()).isEqualTo("UTC");

		Api.Response changed = this.api.put("/api/me/notification-preferences", this.dev.token(),
				Map.of("email", Map.of("assigned", "instant", "comment", "off"), "digest", "weekly", "digest_day",
						"friday", "digest_hour", 17, "time_zone", "Europe/Berlin"));
		assertThat(changed.status()).isEqualTo(200);
		JsonNode now = this.api.get("/api/me/notification-preferences", this.dev.token()).body();
		assertThat(now.get("email").get("assigned").asString()).isEqualTo("instant");
		assertThat(now.get("email").get("comment").asString()).isEqualTo("off");
		assertThat(now.get("email").get("mention").asString()).isEqualTo("digest");
		assertThat(now.get("digest").asString()).isEqualTo("weekly");
		assertThat(now.get("digest_day").asString()).isEqualTo("friday");
		assertThat(now.get("time_zone").asString()).isEqualTo("Europe/Berlin");

		Api.Response bad = this.api.put("/api/me/notification-preferences", this.dev.token(), Map.of("email",
				Map.of("assigned", "sometimes", "gossip", "instant"), "digest_hour", 24, "time_zone", "Mars/Olympus"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("content-type")).startsWith("application/problem+json");
		assertThat(bad.body().get("errors").findValuesAsString("field")).contains("email.assigned", "email.gossip",
				"digest_hour", "time_zone");
		assertThat(this.api.get("/api/me/notification-preferences", this.dev.token()).body().get("digest_hour").asInt())
			.isEqualTo(17);
	}

	private String bug(TestUser reporter, String title) {
		return this.api.newBug(reporter, this.key, title, "high").get("key").asString();
	}

	private int patch(TestUser user, String bug, Map<String, Object> body) {
		return this.api.patch("/api/bugs/" + bug, user.token(), body).status();
	}

	private void comment(TestUser user, String bug, String content, boolean internal) {
		assertThat(this.api
			.post("/api/bugs/" + bug + "/comments", user.token(), Map.of("content", content, "is_internal", internal))
			.status()).isEqualTo(201);
	}

	private JsonNode list(TestUser user, boolean unread) {
		Api.Response r = this.api.get("/api/notifications" + (unread ? "?unread=true" : ""), user.token());
		assertThat(r.status()).isEqualTo(200);
		return r.body();
	}

	private List<String> kinds(TestUser user) {
		List<String> kinds = new ArrayList<>();
		list(user, false).get("items").forEach(n -> kinds.add(n.get("kind").asString()));
		return kinds;
	}

	private int unread(TestUser user) {
		return this.api.get("/api/notifications/unread-count", user.token()).body().get("count").asInt();
	}

}
