package dev.fixpoint.bugs;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.Backfill;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's markdown is rendered when it is written (filed, edited), and again in the
 * background when the renderer's version is newer than the stored rendering.
 */
class BugTextsTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BugTextBackfill backfill;

	private TestUser owner;

	private String project;

	@BeforeEach
	void project() {
		this.api.ensureSetUp();
		this.owner = this.api.newUser("texts");
		this.project = this.api.newProject(this.owner).get("key").asString();
	}

	@Test
	void aFiledBugsReportIsStoredRenderedInTheFilingItself() {
		UUID bug = file("Checkout fails with **Größe** in the cart", "1. Open the cart\n2. Pay");
		assertThat(stored(bug)).containsEntry("renderer", BugMarkdown.VERSION);
		assertThat(stored(bug).get("description").toString()).contains("<strong>Größe</strong>");
		assertThat(stored(bug).get("steps_to_reproduce").toString()).contains("<li>Open the cart</li>");
	}

	@Test
	void editingATextRendersItAgainInTheEdit() {
		UUID bug = file("First words", "");
		Api.Response edited = this.api.patch("/api/bugs/" + bug, this.owner.token(),
				Map.of("description", "Second *words*"));
		assertThat(edited.status()).isEqualTo(200);
		assertThat(stored(bug).get("description").toString()).contains("<em>words</em>").doesNotContain("First");
	}

	@Test
	void aNewerRendererRendersOldRenderingsInTheBackgroundButKeepsCurrentOnes() {
		UUID outdated = file("Made by **renderer zero**", "");
		UUID current = file("Rendered **already**", "");
		UUID missing = file("Loaded *without* a rendering", "");
		this.jdbc.sql("update bug_texts_html set renderer = 0, description = 'old' where bug_id = :id")
			.param("id", outdated)
			.update();
		this.jdbc.sql("update bug_texts_html set description = 'kept' where bug_id = :id")
			.param("id", current)
			.update();
		this.jdbc.sql("delete from bug_texts_html where bug_id = :id").param("id", missing).update();

		backfillToTheEnd();

		assertThat(stored(outdated)).containsEntry("renderer", BugMarkdown.VERSION);
		assertThat(stored(outdated).get("description").toString()).contains("<strong>renderer zero</strong>");
		assertThat(stored(current)).containsEntry("description", "kept");
		assertThat(stored(missing).get("description").toString()).contains("<em>without</em>");
	}

	private void backfillToTheEnd() {
		Backfill.Walk walk = new Backfill.Walk(this.backfill);
		for (int batches = 0; batches < 10_000 && !walk.done(); batches++) {
			walk.step(50);
		}
		assertThat(walk.done()).as("the backfill reached its end").isTrue();
	}

	private UUID file(String description, String steps) {
		Api.Response filed = this.api.post("/api/projects/" + this.project + "/bugs", this.owner.token(), Map
			.of("title", "Rendering", "severity", "low", "description", description, "steps_to_reproduce", steps));
		assertThat(filed.status()).isEqualTo(201);
		return UUID.fromString(filed.body().get("id").asString());
	}

	private Map<String, Object> stored(UUID bug) {
		return this.jdbc.sql("""
				select renderer::int as renderer, description, steps_to_reproduce from bug_texts_html
				where bug_id = :id
				""").param("id", bug).query().singleRow();
	}

}
