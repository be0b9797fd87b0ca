package dev.fixpoint.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Triage over the API: filters by why a notification came (mentions, assigned,
 * participating), done (archived) and back, snooze until a time and its return on top,
 * unread.
 */
class NotificationTriageTest extends IntegrationTest {

	private TestUser admin, dev, viewer;

	private String key;

	@BeforeEach
	void project() {
		this.admin = this.api.newUser("Admin");
		this.dev = this.api.newUser("Dev");
		this.viewer = this.api.newUser("Viewer");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.key, this.dev, "developer");
		this.api.addMember(this.admin, this.key, this.viewer, "viewer");
	}

	@Test
	void filtersTellMentionsAssignmentsAndParticipationFromWatching() {
		String assigned = bug("Checkout button does nothing");
		patch(assigned, Map.of("assignee_id", this.dev.id().toString()));
		String mentioned = bug("Search is slow");
		comment(mentioned, "@" + this.dev.username() + " can you look?");
		String watched = bug("Footer overlaps");
		assertThat(this.api.post("/api/bugs/" + watched + "/watchers", this.dev.token(), Map.of()).status())
			.isEqualTo(200);
		assertThat(this.api.post("/api/bugs/" + watched + "/watchers", this.viewer.token(), Map.of()).status())
			.isEqualTo(200);
		comment(watched, "Fixed the z-index.");
		patch(assigned, Map.of("status", "in_progress"));

		assertThat(keys(this.dev, "")).containsExactly(assigned, watched, mentioned, assigned);
		assertThat(keys(this.dev, "?filter=mentions")).containsExactly(mentioned);
		assertThat(keys(this.dev, "?filter=assigned")).containsExactly(assigned);
		// the assignee hears of their bug's status change as a participant; a watch alone
		// is not taking part
		assertThat(keys(this.dev, "?filter=participating")).containsExactly(assigned, mentioned, assigned);
		assertThat(keys(this.viewer, "?filter=participating")).isEmpty();
		assertThat(keys(this.viewer, "")).containsExactly(watched);
		assertThat(this.api.get("/api/notifications?filter=everything", this.dev.token()).status()).isEqualTo(400);
		assertThat(this.api.get("/api/notifications?folder=archive", this.dev.token()).status()).isEqualTo(400);
	}

	@Test
	void doneLeavesTheInboxUntilRestoredAndOthersIdsAreIgnored() {
		String one = bug("Cart total ignores the voucher");
		patch(one, Map.of("assignee_id", this.dev.id().toString()));
		String two = bug("Login page typo");
		comment(two, "@" + this.dev.username() + " typo in the heading");
		assertThat(unread(this.dev)).isEqualTo(2);
		List<String> ids = ids(this.dev, "?filter=assigned");

		Api.Response stranger = this.api.post("/api/notifications/done", this.viewer.token(), Map.of("ids", ids));
		assertThat(stranger.body().get("changed").asInt()).isZero();

		Api.Response done = this.api.post("/api/notifications/done", this.dev.token(), Map.of("ids", ids));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body().get("changed").asInt()).isEqualTo(1);
		assertThat(done.body().get("unread_count").asInt()).isEqualTo(1);
		assertThat(keys(this.dev, "")).containsExactly(two);
		JsonNode archived = items(this.dev, "?folder=done").get(0);
		assertThat(archived.get("bug").get("key").asString()).isEqualTo(one);
		assertThat(archived.get("done_at").isNull()).isFalse();
		assertThat(archived.get("read_at").isNull()).as("done counts as read").isFalse();

		Api.Response restored = this.api.post("/api/notifications/restore", this.dev.token(), Map.of("ids", ids));
		assertThat(restored.body().get("changed").asInt()).isEqualTo(1);
		assertThat(keys(this.dev, "")).containsExactly(two, one);
		assertThat(keys(this.dev, "?folder=done")).isEmpty();
		assertThat(this.api.post("/api/notifications/done", this.dev.token(), Map.of("ids", List.of())).status())
			.isEqualTo(400);
	}

	@Test
	void aSnoozedNotificationComesBackOnTopAndUnreadWhenItsTimeComes() {
		String older = bug("Cart total ignores the voucher");
		patch(older, Map.of("assignee_id", this.dev.id().toString()));
		String newer = bug("Login page typo");
		comment(newer, "@" + this.dev.username() + " typo in the heading");
		List<String> ids = ids(this.dev, "?filter=assigned");
		this.api.post("/api/notifications/read", this.dev.token(), Map.of("ids", ids));
		Instant until = this.clock.instant().plus(Duration.ofHours(2));

		Api.Response snoozed = this.api.post("/api/notifications/snooze", this.dev.token(),
				Map.of("ids", ids, "until", until.toString()));
		assertThat(snoozed.status()).isEqualTo(200);
		assertThat(snoozed.body().get("changed").asInt()).isEqualTo(1);
		assertThat(keys(this.dev, "")).containsExactly(newer);
		JsonNode waiting = items(this.dev, "?folder=snoozed").get(0);
		assertThat(Instant.parse(waiting.get("snoozed_until").asString()))
			.isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		assertThat(unread(this.dev)).as("the snoozed one is not counted while it sleeps").isEqualTo(1);

		this.clock.advance(Duration.ofHours(3));
		assertThat(keys(this.dev, "")).as("back on top").containsExactly(older, newer);
		assertThat(items(this.dev, "").get(0).get("read_at").isNull()).as("and unread").isTrue();
		assertThat(unread(this.dev)).isEqualTo(2);
		assertThat(keys(this.dev, "?folder=snoozed")).isEmpty();

		assertThat(this.api
			.post("/api/notifications/snooze", this.dev.token(),
					Map.of("ids", ids, "until", this.clock.instant().minusSeconds(60).toString()))
			.status()).as("a time in the past").isEqualTo(400);
		Api.Response tomorrow = this.api.post("/api/notifications/snooze", this.dev.token(),
				Map.of("ids", ids, "choice", "tomorrow"));
		assertThat(tomorrow.body().get("changed").asInt()).isEqualTo(1);
		assertThat(Instant.parse(items(this.dev, "?folder=snoozed").get(0).get("snoozed_until").asString()))
			.isAfter(this.clock.instant());
		assertThat(this.api.post("/api/notifications/snooze", this.dev.token(), Map.of("ids", ids, "choice", "someday"))
			.status()).isEqualTo(400);
	}

	private String bug(String title) {
		return this.api.newBug(this.admin, this.key, title, "high").get("key").asString();
	}

	private void patch(String bug, Map<String, Object> body) {
		assertThat(this.api.patch("/api/bugs/" + bug, this.admin.token(), body).status()).isEqualTo(200);
	}

	private void comment(String bug, String content) {
		assertThat(this.api.post("/api/bugs/" + bug + "/comments", this.admin.token(), Map.of("content", content))
			.status()).isEqualTo(201);
	}

	private JsonNode items(TestUser user, String query) {
		Api.Response r = this.api.get("/api/notifications" + query, user.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body().get("items");
	}

	private List<String> keys(TestUser user, String query) {
		List<String> keys = new ArrayList<>();
		items(user, query).forEach(n -> keys.add(n.get("bug").get("key").asString()));
		return keys;
	}

	private List<String> ids(TestUser user, String query) {
		List<String> ids = new ArrayList<>();
		items(user, query).forEach(n -> ids.add(n.get("id").asString()));
		return ids;
	}

	private int unread(TestUser user) {
		return this.api.get("/api/notifications/unread-count", user.token()).body().get("count").asInt();
	}

}
