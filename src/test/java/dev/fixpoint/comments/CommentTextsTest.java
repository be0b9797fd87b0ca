package dev.fixpoint.comments;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.BugMarkdown;
import dev.fixpoint.platform.Backfill;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments keep the version of the renderer that made their HTML; a newer one renders the
 * older comments again in the background.
 */
class CommentTextsTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommentTextBackfill backfill;

	@Test
	void olderCommentsAreRenderedAgainByANewerRenderer() {
		this.api.ensureSetUp();
		TestUser owner = this.api.newUser("comments");
		String project = this.api.newProject(owner).get("key").asString();
		String bug = this.api.newBug(owner, project, "Comment rendering", "low").get("key").asString();
		UUID comment = comment(owner, bug, "Still **broken** here");
		assertThat(stored(comment)).containsEntry("renderer", BugMarkdown.VERSION);

		this.jdbc.sql("update comments set renderer = 0, content_html = 'stale' where id = :id")
			.param("id", comment)
			.update();
		backfillToTheEnd();

		assertThat(stored(comment)).containsEntry("renderer", BugMarkdown.VERSION);
		assertThat(stored(comment).get("content_html").toString()).contains("<strong>broken</strong>");
	}

	private void backfillToTheEnd() {
		Backfill.Walk walk = new Backfill.Walk(this.backfill);
		for (int batches = 0; batches < 10_000 && !walk.done(); batches++) {
			walk.step(50);
		}
		assertThat(walk.done()).as("the backfill reached its end").isTrue();
	}

	private UUID comment(TestUser user, String bug, String content) {
		Api.Response added = this.api.post("/api/bugs/" + bug + "/comments", user.token(), Map.of("content", content));
		assertThat(added.status()).isEqualTo(201);
		return UUID.fromString(added.body().get("id").asString());
	}

	private Map<String, Object> stored(UUID comment) {
		return this.jdbc.sql("select renderer::int as renderer, content_html from comments where id = :id")
			.param("id", comment)
			.query()
			.singleRow();
	}

}
