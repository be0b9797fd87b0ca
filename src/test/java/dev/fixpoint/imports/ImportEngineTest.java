package dev.fixpoint.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.fixpoint.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine through the API: encodings, broken files, other sources, cancelling and
 * resuming after a node stopped.
 */
class ImportEngineTest extends ImportProjectTest {

	private String title(int number) {
		return this.jdbc.sql("select title from bugs where project_id = :p and number = :n")
			.param("p", this.projectId)
			.param("n", number)
			.query(String.class)
			.single();
	}

	private int bugCount() {
		return this.jdbc.sql("select count(*) from bugs where project_id = :p")
			.param("p", this.projectId)
			.query(Integer.class)
			.single();
	}

	@Test
	void windows1252IsDetectedWhenTheFileIsNotUtf8() {
		JsonNode job = runAll(start("csv", "excel.csv", ImportFixtures.file("windows-1252.csv"), null));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("charset").asString()).isEqualTo("windows-1252");
		assertThat(title(1)).isEqualTo("Café menu shows € signs wrong");
	}

	@Test
	void utf16AndUtf8ByteOrderMarksAreReadAndSkipped() {
		JsonNode utf16 = runAll(start("csv", "utf16.csv", ImportFixtures.file("utf16-bom.csv"), null));
		assertThat(utf16.get("charset").asString()).isEqualTo("UTF-16LE");
		assertThat(utf16.get("created").asInt()).isEqualTo(2);
		assertThat(title(1)).isEqualTo("Café menu shows € signs wrong");
		JsonNode utf8 = runAll(start("csv", "utf8.csv", ImportFixtures.file("utf8-bom.csv"), null));
		assertThat(utf8.get("charset").asString()).isEqualTo("UTF-8");
		// the same rows from another file: the same ids (no id column: title and date),
		// so updated
		assertThat(utf8.get("updated").asInt()).isEqualTo(2);
		assertThat(bugCount()).isEqualTo(2);
	}

	@Test
	void aBrokenCsvFailsWithItsLineAndWritesNothing() {
		JsonNode job = runAll(start("csv", "broken.csv", ImportFixtures.file("broken.csv"), null));
		assertThat(job.get("state").asString()).isEqualTo("failed");
		assertThat(job.get("error").asString()).contains("broken", "line", "quote");
		assertThat(bugCount()).isZero();
	}

	@Test
	void linearCsvMapsItsPrioritiesStatusesAndCommaSeparatedLabels() {
		JsonNode job = runAll(start("linear_csv", "linear.csv", ImportFixtures.file("linear-export.csv"),
				"{\"base_url\": \"https://linear.app/acme\", \"people\": {\"fox.mulder@example.invalid\": \""
						+ this.fox.email() + "\"}}"));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(4);
		JsonNode crash = this.api.get("/api/bugs/" + this.key + "-1", this.admin.token()).body();
		assertThat(crash.get("priority").asString()).isEqualTo("P0");
		assertThat(crash.get("status").asString()).isEqualTo("in_progress");
		assertThat(crash.get("tags").toString()).contains("bug", "ios", "mobile-app");
		assertThat(crash.get("due_date").asString()).isEqualTo("2024-03-20");
		assertThat(crash.get("reporter").get("id").asString()).isEqualTo(this.fox.id().toString());
		JsonNode canceled = this.api.get("/api/bugs/" + this.key + "-3", this.admin.token()).body();
		assertThat(canceled.get("status").asString()).isEqualTo("resolved");
		assertThat(canceled.get("resolution").asString()).isEqualTo("wont_fix");
		String url = this.jdbc.sql("select import_url from bugs where project_id = :p and number = 1")
			.param("p", this.projectId)
			.query(String.class)
			.single();
		assertThat(url).isEqualTo("https://linear.app/acme/issue/ENG-41");
	}

	@Test
	void genericJsonReadsNestedFieldsUnderAnArray() {
		JsonNode job = runAll(start("json", "export.json", ImportFixtures.file("generic.json"),
				"{\"people\": {\"FOX@EXAMPLE.INVALID\": \"" + this.fox.email() + "\"}}"));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		JsonNode logo = this.api.get("/api/bugs/" + this.key + "-1", this.admin.token()).body();
		assertThat(logo.get("severity").asString()).isEqualTo("high");
		assertThat(logo.get("assignee").get("id").asString()).isEqualTo(this.fox.id().toString());
		assertThat(logo.get("tags").toString()).contains("invoices", "branding");
		JsonNode closed = this.api.get("/api/bugs/" + this.key + "-2", this.admin.token()).body();
		assertThat(closed.get("status").asString()).isEqualTo("closed");
		assertThat(closed.get("resolved_at").asString()).isEqualTo("2024-02-05T10:00:00Z");
	}

	/** 1,200 rows: three batches of 500 (the default). */
	private static byte[] bigCsv() {
		StringBuilder csv = new StringBuilder("id,title,status,priority,created\n");
		for (int i = 1; i <= 1200; i++) {
			csv.append(i).append(",Bug number ").append(i).append(",open,P2,2024-01-01\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aJobWhoseNodeStoppedIsClaimedAgainAndContinuesAfterItsLastBatch() {
		String id = start("csv", "big.csv", bigCsv(), null);
		assertThat(this.runner.runNext(1)).isTrue(); // the node dies after one batch
		JsonNode halfway = job(id);
		assertThat(halfway.get("state").asString()).isEqualTo("running");
		assertThat(halfway.get("processed").asInt()).isEqualTo(500);
		assertThat(bugCount()).isEqualTo(500);
		assertThat(halfway.get("report").get("statuses").get("open").asInt())
			.as("the report counts the committed rows only, not the batch translated while the first was written")
			.isEqualTo(500);
		assertThat(this.runner.runNext()).as("its heartbeat is fresh: nobody takes it yet").isFalse();
		assertThat(this.imports.running()).as("background work may wait for it").isTrue();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.imports.running()).as("its node stopped beating").isFalse();
		JsonNode done = runAll(id);
		assertThat(this.imports.running()).isFalse();
		assertThat(done.get("state").asString()).isEqualTo("done");
		assertThat(done.get("processed").asInt()).isEqualTo(1200);
		assertThat(done.get("created").asInt()).isEqualTo(1200);
		assertThat(done.get("report").get("statuses").get("open").asInt()).isEqualTo(1200);
		assertThat(bugCount()).isEqualTo(1200);
	}

	@Test
	void batchesWrittenSideBySideNumberTheBugsInTheFilesOrderAndARepeatedIdUpdatesItsBug() {
		// every 100th bug duplicates the one before it (the batch's links reference the
		// job)
		StringBuilder csv = new StringBuilder("id,title,status,priority,created,duplicate_of\n");
		for (int i = 1; i <= 1200; i++) {
			if (i == 700) {
				// names the first record's id again: the second batch waits for the first
				csv.append("1,Bug number one again,open,P2,2024-01-01,\n");
			}
			csv.append(i).append(",Bug number ").append(i).append(",open,P2,2024-01-01,");
			csv.append(i % 100 == 0 ? String.valueOf(i - 1) : "").append('\n');
		}
		JsonNode done = runAll(start("csv", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null));
		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("done");
		assertThat(done.get("processed").asInt()).isEqualTo(1201);
		assertThat(done.get("created").asInt()).isEqualTo(1200);
		assertThat(done.get("updated").asInt()).isEqualTo(1);
		assertThat(bugCount()).isEqualTo(1200);
		assertThat(title(1)).as("the later row wins").isEqualTo("Bug number one again");
		assertThat(title(500)).isEqualTo("Bug number 500");
		assertThat(title(501)).as("the second batch's numbers follow the first's").isEqualTo("Bug number 501");
		assertThat(title(1200)).isEqualTo("Bug number 1200");
		assertThat(done.get("report").get("statuses").get("open").asInt()).isEqualTo(1201);
		assertThat(this.jdbc.sql("""
				select count(*) from bugs b join bugs o on o.id = b.duplicate_of
				where b.project_id = :p and o.number = b.number - 1
				""").param("p", this.projectId).query(Integer.class).single()).isEqualTo(12);
	}

	@Test
	void aSecondJobOfTheProjectWaitsWhileTheFirstWrites() {
		String first = start("csv", "big.csv", bigCsv(), null);
		this.runner.runNext(1);
		String second = start("csv", "big.csv", bigCsv(), null);
		assertThat(this.runner.runNext()).as("the first one's node is alive: the second waits").isFalse();
		assertThat(job(second).get("state").asString()).isEqualTo("queued");
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(runAll(first).get("state").asString()).isEqualTo("done");
		JsonNode again = job(second);
		assertThat(again.get("state").asString()).isEqualTo("done");
		assertThat(again.get("updated").asInt()).isEqualTo(1200);
		assertThat(bugCount()).isEqualTo(1200);
	}

	@Test
	void cancellingStopsAQueuedJobAtOnceAndARunningOneBeforeItsNextBatch() {
		String queued = start("csv", "big.csv", bigCsv(), null);
		JsonNode cancelled = this.api.post("/api/imports/" + queued + "/cancel", this.admin.token(), null).body();
		assertThat(cancelled.get("state").asString()).isEqualTo("cancelled");
		assertThat(this.runner.runNext()).isFalse();

		String running = start("csv", "big.csv", bigCsv(), null);
		this.runner.runNext(1);
		JsonNode asked = this.api.post("/api/imports/" + running + "/cancel", this.admin.token(), null).body();
		assertThat(asked.get("cancel_requested").asBoolean()).isTrue();
		this.clock.advance(Duration.ofMinutes(2));
		JsonNode stopped = runAll(running);
		assertThat(stopped.get("state").asString()).isEqualTo("cancelled");
		assertThat(stopped.get("processed").asInt()).isEqualTo(500);
		assertThat(bugCount()).isEqualTo(500);
	}

	@Test
	void aDryRunIsRunForRealWithoutASecondUpload() {
		Api.Response r = this.fixtures.upload(this.admin, this.key, "jira_csv", "jira.csv",
				ImportFixtures.file("jira-export.csv"), true, null);
		JsonNode dryRun = runAll(r.body().get("id").asString());
		assertThat(dryRun.get("state").asString()).isEqualTo("done");
		assertThat(bugCount()).isZero();
		Api.Response run = this.api.post("/api/imports/" + dryRun.get("id").asString() + "/run", this.admin.token(),
				null);
		assertThat(run.status()).as(run.raw()).isEqualTo(202);
		JsonNode done = runAll(run.body().get("id").asString());
		assertThat(done.get("created").asInt()).isEqualTo(5);
		assertThat(this.api.post("/api/imports/" + dryRun.get("id").asString() + "/run", this.admin.token(), null)
			.status()).isEqualTo(409);
		String warnings = this.api.get("/api/imports/" + done.get("id").asString() + "/warnings", this.admin.token())
			.raw();
		assertThat(warnings).startsWith("line,original,warning").contains("19,WEB-105,no Summary: skipped");
	}

}
