package dev.fixpoint.bugs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * {@code /api/bugs/{id}/links} and {@code /api/links/{id}}, and the relation searches.
 */
class BugLinksApiTest extends IntegrationTest {

	private TestUser ann, dev, viewer;

	private String key;

	@BeforeEach
	void project() {
		this.ann = this.api.newUser("Ann");
		this.dev = this.api.newUser("Dev");
		this.viewer = this.api.newUser("Vic");
		this.key = this.api.newProject(this.ann).get("key").asString();
		this.api.addMember(this.ann, this.key, this.dev, "developer");
		this.api.addMember(this.ann, this.key, this.viewer, "viewer");
	}

	@Test
	void aLinkIsNamedFromEachSideAndWrittenToBothHistories() {
		String a = bug("Checkout button does nothing"), b = bug("Release the new checkout");
		Api.Response linked = link(this.dev, a, "blocks", b);
		assertThat(linked.status()).isEqualTo(201);
		assertThat(linked.header("Location")).isEqualTo("/api/links/" + linked.body().get("id").asString());
		assertThat(linked.body().get("type").asString()).isEqualTo("blocks");
		assertThat(linked.body().get("bug").get("key").asString()).isEqualTo(b);

		JsonNode fromA = links(this.viewer, a);
		assertThat(fromA).hasSize(1);
		assertThat(fromA.get(0).get("type").asString()).isEqualTo("blocks");
		assertThat(fromA.get(0).get("label").asString()).isEqualTo("blocks");
		JsonNode fromB = links(this.viewer, b);
		assertThat(fromB.get(0).get("type").asString()).isEqualTo("blocked_by");
		assertThat(fromB.get(0).get("bug").get("key").asString()).isEqualTo(a);
		assertThat(fromB.get(0).get("bug").get("title").asString()).isEqualTo("Checkout button does nothing");

		assertThat(historyValues(a)).contains("blocks " + b);
		assertThat(historyValues(b)).contains("blocked_by " + a);
	}

	@Test
	void theTargetIsAnIdOrAKeyAndBlockedByIsStoredTheOtherWayRound() {
		String a = bug("A"), b = bug("B");
		String bId = this.api.get("/api/bugs/" + b, this.ann.token()).body().get("id").asString();
		assertThat(link(this.ann, a, "blocked_by", bId).status()).isEqualTo(201);
		assertThat(links(this.ann, b).get(0).get("type").asString()).isEqualTo("blocks");
	}

	@Test
	void aCycleOfBlocksIsRefusedWithItsPath() {
		String a = bug("A"), b = bug("B"), c = bug("C");
		link(this.ann, a, "blocks", b);
		link(this.ann, b, "blocks", c);
		Api.Response loop = link(this.ann, c, "blocks", a);
		assertThat(loop.status()).isEqualTo(409);
		assertThat(loop.header("Content-Type")).startsWith("application/problem+json");
		assertThat(strings(loop.body().get("path"))).containsExactly(c, a, b, c);
		assertThat(loop.body().get("detail").asString()).contains(c + " → " + a + " → " + b + " → " + c);
		// the same loop written from the other side
		assertThat(link(this.ann, a, "blocked_by", c).status()).isEqualTo(409);
		assertThat(links(this.ann, c)).hasSize(1);
	}

	@Test
	void parentsFormATreeWithOneParentPerBug() {
		String epic = bug("Checkout redesign"), part = bug("New button"), other = bug("Another epic");
		assertThat(link(this.ann, epic, "parent", part).status()).isEqualTo(201);
		assertThat(links(this.ann, part).get(0).get("type").asString()).isEqualTo("child");
		Api.Response second = link(this.ann, other, "parent", part);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body().get("detail").asString()).contains("already has a parent: " + epic);
		Api.Response loop = link(this.ann, part, "parent", epic);
		assertThat(loop.status()).isEqualTo(409);
		assertThat(strings(loop.body().get("path"))).containsExactly(part, epic, part);
		// relates_to is symmetric and stored once
		assertThat(link(this.ann, part, "relates_to", other).status()).isEqualTo(201);
		assertThat(link(this.ann, other, "relates_to", part).status()).isEqualTo(409);
		assertThat(links(this.ann, other).get(0).get("type").asString()).isEqualTo("relates_to");
	}

	@Test
	void badLinksAreFieldErrors() {
		String a = bug("A");
		assertThat(link(this.ann, a, "blocks", a).status()).isEqualTo(400);
		Api.Response type = link(this.ann, a, "duplicate_of", bug("B"));
		assertThat(type.status()).isEqualTo(400);
		assertThat(type.body().get("errors").get(0).get("field").asString()).isEqualTo("type");
		assertThat(this.api.post("/api/bugs/" + a + "/links", this.ann.token(), Map.of("type", "blocks")).status())
			.isEqualTo(400);
	}

	@Test
	void viewersAndQaCannotLinkAndNonMembersSeeNothing() {
		String a = bug("A"), b = bug("B");
		assertThat(link(this.viewer, a, "blocks", b).status()).isEqualTo(403);
		TestUser qa = this.api.newUser("Quinn");
		this.api.addMember(this.ann, this.key, qa, "qa");
		assertThat(link(qa, a, "blocks", b).status()).isEqualTo(403);
		TestUser stranger = this.api.newUser("Stan");
		assertThat(link(stranger, a, "blocks", b).status()).isEqualTo(404);
		assertThat(this.api.get("/api/bugs/" + a + "/links", stranger.token()).status()).isEqualTo(404);
		String linkId = link(this.ann, a, "blocks", b).body().get("id").asString();
		assertThat(this.api.delete("/api/links/" + linkId, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/links/" + linkId, this.viewer.token()).status()).isEqualTo(403);
	}

	@Test
	void linksAcrossProjectsShowOnlyToMembersOfBoth() {
		String other = this.api.newProject(this.ann).get("key").asString();
		String here = bug("Login fails"),
				there = this.api.newBug(this.ann, other, "Auth service down", "high").get("key").asString();
		// the developer is not a member of the other project: its bug does not exist for
		// them
		assertThat(link(this.dev, here, "blocked_by", there).status()).isEqualTo(404);
		assertThat(link(this.ann, here, "blocked_by", there).status()).isEqualTo(201);
		assertThat(links(this.ann, here)).hasSize(1);
		assertThat(links(this.dev, here)).isEmpty();
	}

	@Test
	void removingALinkIsWrittenToBothHistories() {
		String a = bug("A"), b = bug("B");
		String id = link(this.ann, a, "blocks", b).body().get("id").asString();
		assertThat(this.api.delete("/api/links/" + id, this.dev.token()).status()).isEqualTo(204);
		assertThat(links(this.ann, a)).isEmpty();
		assertThat(this.api.delete("/api/links/" + id, this.dev.token()).status()).isEqualTo(404);
		assertThat(historyOld(a)).contains("blocks " + b);
		assertThat(historyOld(b)).contains("blocked_by " + a);
	}

	@Test
	void duplicatesAreListedWithTheLinks() {
		String original = bug("Crash on save"), copy = bug("Saving crashes");
		this.api.patch("/api/bugs/" + copy, this.ann.token(),
				Map.of("status", "resolved", "resolution", "duplicate", "duplicate_of", original));
		JsonNode fromCopy = links(this.ann, copy);
		assertThat(fromCopy.get(0).get("type").asString()).isEqualTo("duplicate_of");
		assertThat(fromCopy.get(0).get("id").isNull()).isTrue();
		assertThat(links(this.ann, original).get(0).get("type").asString()).isEqualTo("duplicated_by");
	}

	@Test
	void searchFindsBlockedBlockingAndSubBugs() {
		String blocker = bug("Database migration"), blocked = bug("Ship reports"), epic = bug("Reports epic"),
				part = bug("Report PDF"), loose = bug("Unrelated");
		link(this.ann, blocker, "blocks", blocked);
		link(this.ann, epic, "parent", part);
		assertThat(search("is:blocked")).containsExactly(blocked);
		assertThat(search("is:blocking")).containsExactly(blocker);
		assertThat(search("has:parent")).containsExactly(part);
		assertThat(search("parent:" + epic)).containsExactly(part);
		assertThat(search("-is:blocked -is:blocking -has:parent")).containsExactlyInAnyOrder(epic, loose);
		// a blocker that is done no longer blocks
		this.api.patch("/api/bugs/" + blocker, this.ann.token(), Map.of("status", "resolved", "resolution", "fixed"));
		assertThat(search("is:blocked")).isEmpty();
		Api.Response unknown = this.api.get("/api/projects/" + this.key + "/search?q=parent:" + this.key + "-999",
				this.ann.token());
		assertThat(unknown.status()).isEqualTo(400);
	}

	private String bug(String title) {
		return this.api.newBug(this.ann, this.key, title, "medium").get("key").asString();
	}

	private Api.Response link(TestUser user, String bug, String type, String target) {
		return this.api.post("/api/bugs/" + bug + "/links", user.token(), Map.of("type", type, "target", target));
	}

	private JsonNode links(TestUser user, String bug) {
		Api.Response r = this.api.get("/api/bugs/" + bug + "/links", user.token());
		assertThat(r.status()).isEqualTo(200);
		return r.body();
	}

	private List<String> historyValues(String bug) {
		List<String> values = new ArrayList<>();
		this.api.get("/api/bugs/" + bug + "/history", this.ann.token()).body().forEach(e -> {
			if (e.get("field").asString().equals("link") && !e.get("new_value").isNull()) {
				values.add(e.get("new_value").asString());
			}
		});
		return values;
	}

	private List<String> historyOld(String bug) {
		List<String> values = new ArrayList<>();
		this.api.get("/api/bugs/" + bug + "/history", this.ann.token()).body().forEach(e -> {
			if (e.get("field").asString().equals("link") && !e.get("old_value").isNull()) {
				values.add(e.get("old_value").asString());
			}
		});
		return values;
	}

	private List<String> search(String q) {
		Api.Response r = this.api.get(
				"/api/projects/" + this.key + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
				this.ann.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		List<String> keys = new ArrayList<>();
		r.body().get("items").forEach(hit -> keys.add(hit.get("bug").get("key").asString()));
		return keys;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

}
