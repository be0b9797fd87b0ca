package dev.fixpoint.imports;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's life is in its organization's audit log: started, cancelled, completed or
 * failed, with its counts.
 */
class ImportAuditTest extends ImportProjectTest {

	@Test
	void aCompletedImportIsAuditedWithWhoStartedItAndItsCounts() {
		String id = start("jira_csv", "jira.csv", ImportFixtures.file("jira-export.csv"), null);
		JsonNode job = runAll(id);
		assertThat(job.get("state").asString()).isEqualTo("done");

		List<JsonNode> entries = auditOf(id);
		assertThat(entries).extracting(e -> e.get("action").asString())
			.containsExactly("import.completed", "import.started");
		JsonNode started = entries.get(1);
		assertThat(started.get("actor").get("id").asString()).isEqualTo(this.admin.id().toString());
		assertThat(started.get("target").get("id").asString()).isEqualTo(this.projectId.toString());
		assertThat(started.get("after").get("source").asString()).isEqualTo("jira_csv");
		assertThat(started.get("after").get("file").asString()).isEqualTo("jira.csv");
		JsonNode completed = entries.get(0);
		assertThat(completed.get("actor").get("id").asString()).isEqualTo(this.admin.id().toString());
		assertThat(completed.get("after").get("created").asInt()).isEqualTo(job.get("created").asInt());
		assertThat(completed.get("after").get("skipped").asInt()).isEqualTo(job.get("skipped").asInt());
	}

	@Test
	void aFailedImportIsAuditedWithItsError() {
		String id = start("csv", "broken.csv", ImportFixtures.file("broken.csv"), null);
		assertThat(runAll(id).get("state").asString()).isEqualTo("failed");

		JsonNode failed = auditOf(id).get(0);
		assertThat(failed.get("action").asString()).isEqualTo("import.failed");
		assertThat(failed.get("after").get("error").asString()).contains("line");
	}

	@Test
	void aCancelledImportIsAuditedAsTheCancellingPerson() {
		String id = start("jira_csv", "jira.csv", ImportFixtures.file("jira-export.csv"), null);
		assertThat(this.api.post("/api/imports/" + id + "/cancel", this.admin.token(), null).status()).isEqualTo(200);
		runAll(id);

		List<JsonNode> entries = auditOf(id);
		assertThat(entries).extracting(e -> e.get("action").asString())
			.containsExactly("import.cancelled", "import.started");
		assertThat(entries.get(0).get("actor").get("id").asString()).isEqualTo(this.admin.id().toString());
		assertThat(entries.get(0).get("after").get("processed").asInt()).isZero();
	}

	/** The organization's audit entries about this import, newest first. */
	private List<JsonNode> auditOf(String importId) {
		String org = this.api.get("/api/me", this.admin.token())
			.body()
			.get("organizations")
			.get(0)
			.get("id")
			.asString();
		JsonNode items = this.api.get("/api/orgs/" + org + "/audit-log?action=import.&limit=100", this.admin.token())
			.body()
			.get("items");
		return items.valueStream()
			.filter(e -> e.get("after") != null && importId.equals(e.get("after").path("import").asString()))
			.toList();
	}

}
