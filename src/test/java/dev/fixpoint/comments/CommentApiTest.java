package dev.fixpoint.comments;

import java.util.Map;

import dev.fixpoint.bugs.UserMentioned;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CommentApiTest extends IntegrationTest {

	private TestUser admin, dev, qa, viewer;

	private String key, bug;

	@BeforeEach
	void project() {
		this.admin = this.api.newUser("Admin");
		this.dev = this.api.newUser("Dev");
		this.qa = this.api.newUser("Qa");
		this.viewer = this.api.newUser("Viewer");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.key, this.dev, "developer");
		this.api.addMember(this.admin, this.key, this.qa, "qa");
		this.api.addMember(this.admin, this.key, this.viewer, "viewer");
		this.bug = this.api.newBug(this.qa, this.key, "Checkout crashes", "high").get("key").asString();
	}

	private Api.Response comment(TestUser user, Map<String, Object> body) {
		return this.api.post("/api/bugs/" + this.bug + "/comments", user.token(), body);
	}

	@Test
	void markdownIsRenderedSanitizedAndLinked() {
		Api.Response r = comment(this.dev,
				Map.of("content", "Same as " + this.bug + ", see **logs** <script>alert(1)</script> "
						+ "[x](javascript:alert(1)) cc @" + this.qa.username() + " and @nobody-here, UTF-8 is fine"));
		assertThat(r.status()).isEqualTo(201);
		String html = r.body().get("content_html").asString();
		assertThat(html).contains("<strong>logs</strong>")
			.contains("href=\"/bugs/" + this.bug + "\" class=\"bug-ref\"")
			.contains("class=\"mention\"")
			.contains("rel=\"noopener nofollow ugc\"")
			.contains("&#64;nobody-here")
			.doesNotContain("<script", "javascript:", "/bugs/UTF-8");
		assertThat(r.body().get("author").get("username").asString()).isEqualTo(this.dev.username());
		String commentId = r.body().get("id").asString();
		assertThat(this.events.ofType(UserMentioned.class)).anySatisfy(e -> {
			assertThat(e.userId()).isEqualTo(this.qa.id());
			assertThat(e.commentId().toString()).isEqualTo(commentId);
		});
		assertThat(this.events.ofType(CommentAdded.class)).anyMatch(e -> e.commentId().toString().equals(commentId));
	}

	@Test
	void internalNotesAreHiddenFromViewersEverywhere() {
		String note = comment(this.dev, Map.of("content", "Root cause: the DB password leaked", "is_internal", true))
			.body()
			.get("id")
			.asString();
		comment(this.dev, Map.of("content", "Public reply"));
		JsonNode forQa = this.api.get("/api/bugs/" + this.bug + "/comments", this.qa.token()).body();
		assertThat(forQa.get("items").size()).isEqualTo(2);
		Api.Response forViewer = this.api.get("/api/bugs/" + this.bug + "/comments", this.viewer.token());
		assertThat(forViewer.status()).isEqualTo(200);
		assertThat(forViewer.body().get("items").size()).isEqualTo(1);
		assertThat(forViewer.raw()).doesNotContain("Root cause", note);
		assertThat(this.api.get("/api/bugs/" + this.bug + "/history", this.viewer.token()).raw()).doesNotContain(note);
		assertThat(this.api.get("/api/bugs/" + this.bug + "/history", this.qa.token()).raw()).contains(note);
		assertThat(this.api.patch("/api/comments/" + note, this.viewer.token(), Map.of("content", "x")).status())
			.isEqualTo(404);
		// replying to an internal note keeps the reply internal
		JsonNode reply = comment(this.qa, Map.of("content", "Rotated it", "parent_id", note)).body();
		assertThat(reply.get("is_internal").asBoolean()).isTrue();
		assertThat(comment(this.viewer, Map.of("content", "Can I?")).status()).isEqualTo(403);
	}

	@Test
	void repliesAreOneLevelDeep() {
		String top = comment(this.dev, Map.of("content", "Top")).body().get("id").asString();
		Api.Response reply = comment(this.qa, Map.of("content", "Reply", "parent_id", top));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.body().get("parent_id").asString()).isEqualTo(top);
		assertThat(
				comment(this.qa, Map.of("content", "Deeper", "parent_id", reply.body().get("id").asString())).status())
			.isEqualTo(400);
		String otherBug = this.api.newBug(this.admin, this.key, "Other", "low").get("key").asString();
		assertThat(this.api
			.post("/api/bugs/" + otherBug + "/comments", this.admin.token(), Map.of("content", "x", "parent_id", top))
			.status()).isEqualTo(400);
	}

	@Test
	void authorsAndAdminsEditAndDelete() {
		String id = comment(this.dev, Map.of("content", "Frist")).body().get("id").asString();
		assertThat(this.api.patch("/api/comments/" + id, this.qa.token(), Map.of("content", "hijack")).status())
			.isEqualTo(403);
		JsonNode edited = this.api.patch("/api/comments/" + id, this.dev.token(), Map.of("content", "First")).body();
		assertThat(edited.get("content").asString()).isEqualTo("First");
		assertThat(edited.get("edited").asBoolean()).isTrue();
		comment(this.qa, Map.of("content", "A reply keeps the deleted parent in place", "parent_id", id));
		assertThat(this.api.delete("/api/comments/" + id, this.qa.token()).status()).isEqualTo(403);
		assertThat(this.api.delete("/api/comments/" + id, this.admin.token()).status()).isEqualTo(204);
		JsonNode items = this.api.get("/api/bugs/" + this.bug + "/comments", this.dev.token()).body().get("items");
		assertThat(items.get(0).get("deleted").asBoolean()).isTrue();
		assertThat(items.get(0).get("content").asString()).isEmpty();
		assertThat(this.api.delete("/api/comments/" + id, this.admin.token()).status()).isEqualTo(404);
		String history = this.api.get("/api/bugs/" + this.bug + "/history", this.dev.token()).raw();
		assertThat(history).contains("comment_added", "comment_edited", "comment_deleted");
	}

	@Test
	void contentIsRequiredAndLimited() {
		assertThat(comment(this.dev, Map.of("content", " ")).status()).isEqualTo(400);
		assertThat(comment(this.dev, Map.of("content", "x".repeat(65_537))).status()).isEqualTo(400);
		assertThat(comment(this.dev, Map.of("content", "x".repeat(65_536))).status()).isEqualTo(201);
	}

	@Test
	void commentsArePaginatedOldestFirst() {
		for (int i = 0; i < 5; i++) {
			comment(this.dev, Map.of("content", "Comment " + i));
		}
		JsonNode first = this.api.get("/api/bugs/" + this.bug + "/comments?limit=3", this.dev.token()).body();
		assertThat(first.get("items").get(0).get("content").asString()).isEqualTo("Comment 0");
		JsonNode second = this.api
			.get("/api/bugs/" + this.bug + "/comments?limit=3&cursor=" + first.get("next_cursor").asString(),
					this.dev.token())
			.body();
		assertThat(second.get("items").size()).isEqualTo(2);
		assertThat(second.get("next_cursor").isNull()).isTrue();
	}

	@Test
	void publicCommentsAreSearchableInternalNotesAreNot() {
		comment(this.dev, Map.of("content", "The stacktrace mentions zeppelin overflow"));
		comment(this.dev, Map.of("content", "Secret sauce quokka", "is_internal", true));
		Api.Response found = this.api.get("/api/projects/" + this.key + "/bugs?q=zeppelin", this.viewer.token());
		assertThat(found.body().get("items").size()).isEqualTo(1);
		assertThat(this.api.get("/api/projects/" + this.key + "/bugs?q=quokka", this.viewer.token())
			.body()
			.get("items")
			.size()).isZero();
		String id = this.api.get("/api/bugs/" + this.bug + "/comments", this.dev.token())
			.body()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		this.api.delete("/api/comments/" + id, this.dev.token());
		assertThat(this.api.get("/api/projects/" + this.key + "/bugs?q=zeppelin", this.viewer.token())
			.body()
			.get("items")
			.size()).isZero();
	}

}
