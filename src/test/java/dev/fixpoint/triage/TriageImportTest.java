package dev.fixpoint.triage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.BugsImported;
import dev.fixpoint.platform.Backfill;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TriageOn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bugs that reach triage without a {@code BugCreated}: an import's batch
 * ({@link BugsImported}) is embedded in its outbox delivery, and bugs filed before
 * migration V41 or while the model was off (rows under the model "none", their titles
 * only) are embedded by the embedding backfill ({@code platform.Backfills}), found by
 * words until then.
 */
@TriageOn
class TriageImportTest extends IntegrationTest {

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddingBackfill backfill;

	@Test
	void anImportedBatchIsEmbeddedWhenItsEventIsDelivered() {
		TwoBugs two = twoBugs("timport");
		TestUser ann = two.reporter();
		String key = two.key();
		JsonNode hang = two.hang();
		List<UUID> imported = List.of(UUID.fromString(hang.path("id").asString()),
				UUID.fromString(two.avatar().path("id").asString()));
		// as an import leaves them: bugs that triage never heard of
		this.jdbc.sql("delete from triage_vectors where bug_id in (:ids)").param("ids", imported).update();
		assertThat(progress(ann, key).path("embedded").asInt()).isZero();

		this.transactions
			.executeWithoutResult(tx -> this.publisher.publishEvent(new BugsImported(two.projectId(), imported)));

		JsonNode progress = progress(ann, key);
		assertThat(progress.path("embedded").asInt()).isEqualTo(2);
		assertThat(progress.path("queued").asInt()).isZero();
		assertThat(similar(ann, key, "App%20freezes%20when%20paying", "The%20whole%20app%20stops%20responding"))
			.contains(hang.path("key").asString());
	}

	@Test
	void bugsNotYetEmbeddedAreFoundByWordsAndEmbeddedByTheBackfill() {
		TwoBugs two = twoBugs("tbackfill");
		TestUser ann = two.reporter();
		String key = two.key();
		UUID projectId = two.projectId();
		JsonNode hang = two.hang();
		// as migration V41 leaves the bugs filed before it (or a node with the model off)
		this.jdbc.sql("""
				update triage_vectors set model = 'none', vector = null, skipped = 'queued for embedding'
				where project_id = :project
				""").param("project", projectId).update();

		assertThat(progress(ann, key).path("queued").asInt()).isEqualTo(2);
		assertThat(similar(ann, key, "Checkout%20hangs", "")).contains(hang.path("key").asString());
		assertThat(similar(ann, key, "App%20freezes%20when%20paying", "The%20whole%20app%20stops%20responding"))
			.doesNotContain(hang.path("key").asString());

		walkTheBackfill();
		JsonNode progress = progress(ann, key);
		assertThat(progress.path("queued").asInt()).isZero();
		assertThat(progress.path("embedded").asInt()).isEqualTo(2);
		assertThat(similar(ann, key, "App%20freezes%20when%20paying", "The%20whole%20app%20stops%20responding"))
			.contains(hang.path("key").asString());
	}

	@Test
	void bugsWithNoRowAtAllAreFoundAndEmbeddedByTheBackfill() {
		TwoBugs two = twoBugs("tnorow");
		TestUser ann = two.reporter();
		String key = two.key();
		UUID projectId = two.projectId();
		JsonNode hang = two.hang();
		// as a data generator leaves the bugs it writes straight into the database
		this.jdbc.sql("delete from triage_vectors where project_id = :project").param("project", projectId).update();
		assertThat(similar(ann, key, "Checkout%20hangs", "")).doesNotContain(hang.path("key").asString());

		walkTheBackfill();

		JsonNode progress = progress(ann, key);
		assertThat(progress.path("queued").asInt()).isZero();
		assertThat(progress.path("embedded").asInt()).isEqualTo(2);
		assertThat(similar(ann, key, "Checkout%20hangs", "")).contains(hang.path("key").asString());
		assertThat(similar(ann, key, "App%20freezes%20when%20paying", "The%20whole%20app%20stops%20responding"))
			.contains(hang.path("key").asString());
	}

	/**
	 * The two bugs every test files, in a new project of a new user: one whose meaning a
	 * differently worded report shares ({@code hang}), one unrelated.
	 */
	private TwoBugs twoBugs(String username) {
		TestUser reporter = this.api.newUser(username);
		JsonNode project = this.api.newProject(reporter);
		String key = project.path("key").asString();
		JsonNode hang = bug(reporter, key, "Checkout hangs forever",
				"After confirming the order the spinner keeps turning.");
		JsonNode avatar = bug(reporter, key, "Avatar upload shows a broken image",
				"The profile picture is not displayed.");
		return new TwoBugs(reporter, key, UUID.fromString(project.path("id").asString()), hang, avatar);
	}

	private record TwoBugs(TestUser reporter, String key, UUID projectId, JsonNode hang, JsonNode avatar) {
	}

	/**
	 * Runs the embedding backfill to its end in batches of one (the walk goes on from the
	 * last bug it embedded).
	 */
	private void walkTheBackfill() {
		Backfill.Walk walk = new Backfill.Walk(this.backfill);
		for (int i = 0; i < 100 && !walk.done(); i++) {
			walk.step(1);
		}
		assertThat(walk.done()).as("the backfill reached its end").isTrue();
	}

	private JsonNode bug(TestUser reporter, String key, String title, String description) {
		Api.Response r = this.api.post("/api/projects/" + key + "/bugs", reporter.token(),
				Map.of("title", title, "description", description, "severity", "high"));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body();
	}

	private JsonNode progress(TestUser admin, String key) {
		return this.api.get("/api/projects/" + key + "/triage", admin.token()).body().path("progress");
	}

	private String similar(TestUser user, String key, String title, String description) {
		return this.api
			.get("/api/projects/" + key + "/bugs/similar?title=" + title + "&description=" + description, user.token())
			.raw();
	}

}
