package dev.fixpoint.imports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import brings besides the bugs: comments with their authors and dates, links
 * (duplicates and the others), the rollups of analytics; and undoing an import.
 */
class ImportFidelityTest extends ImportProjectTest {

	private JsonNode importLinks(String standIn) {
		return runAll(start("jira_csv", "jira-links.csv", ImportFixtures.file("jira-links.csv"),
				"{\"people\": {\"fox.mulder\": \"" + this.fox.email() + "\"}, \"unknown_person\": \"" + standIn
						+ "\"}"));
	}

	private String keyOf(String original) {
		return this.jdbc.sql("""
				select p.key || '-' || b.number from bugs b join projects p on p.id = b.project_id
				where b.project_id = :p and b.import_key = :k
				""").param("p", this.projectId).param("k", original).query(String.class).single();
	}

	private UUID idOf(String original) {
		return this.jdbc.sql("select id from bugs where project_id = :p and import_key = :k")
			.param("p", this.projectId)
			.param("k", original)
			.query(UUID.class)
			.single();
	}

	private int sum(String sql) {
		return this.jdbc.sql(sql).param("p", this.projectId).query(Integer.class).single();
	}

	private int count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	@Test
	void commentsKeepTheirAuthorsAndDatesAndAreSearchableAndNotifyNobody() {
		int outbox = count("outbox");
		int notifications = count("notifications");
		int emails = count("email_items");
		int watchers = count("bug_watchers");
		JsonNode job = importLinks("placeholder");
		assertThat(count("outbox")).as("outbox rows").isEqualTo(outbox);
		assertThat(count("notifications")).as("notifications").isEqualTo(notifications);
		assertThat(count("email_items")).as("emails").isEqualTo(emails);
		assertThat(count("bug_watchers")).as("watchers").isEqualTo(watchers);
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(3);
		assertThat(job.get("comments").asInt()).isEqualTo(2);
		String cart = keyOf("WEB-201");
		List<JsonNode> comments = this.api.get("/api/bugs/" + cart + "/comments", this.admin.token())
			.body()
			.get("items")
			.valueStream()
			.toList();
		assertThat(comments).hasSize(2);
		assertThat(comments.get(0).get("author").get("id").asString()).isEqualTo(this.fox.id().toString());
		assertThat(comments.get(0).get("created_at").asString()).isEqualTo("2024-03-01T10:00:00Z");
		assertThat(comments.get(0).get("content").asString()).isEqualTo("Seen it on **staging** too.");
		assertThat(comments.get(1).get("author").get("id").asString()).isEqualTo(SystemActor.IMPORT.id().toString());
		assertThat(comments.get(1).get("content").asString()).startsWith("_dana.scully wrote in Jira:_")
			.endsWith("Me too; on production.");
		assertThat(this.events.ofType(CommentAdded.class)).noneMatch(e -> e.key().equals(cart));
		JsonNode found = this.api.get("/api/projects/" + this.key + "/search?q=staging", this.admin.token()).body();
		assertThat(found.get("items").valueStream().map(b -> b.get("bug").get("key").asString())).containsExactly(cart);
		// the reporter nobody knows is the stand-in too
		assertThat(this.jdbc.sql("select reporter_id from bugs where id = :id")
			.param("id", idOf("WEB-202"))
			.query(UUID.class)
			.single()).isEqualTo(SystemActor.IMPORT.id());
	}

	@Test
	void aDuplicateLinkSetsTheOriginalAndOtherLinksBecomeHistoryOnce() {
		JsonNode job = importLinks("importer");
		assertThat(job.get("links").asInt()).as(job.toString()).isEqualTo(3);
		UUID duplicateOf = this.jdbc.sql("select duplicate_of from bugs where id = :id")
			.param("id", idOf("WEB-202"))
			.query(UUID.class)
			.single();
		assertThat(duplicateOf).isEqualTo(idOf("WEB-201"));
		String history = this.api.get("/api/bugs/" + keyOf("WEB-201") + "/history", this.admin.token())
			.body()
			.toString();
		assertThat(history).contains("is blocked by WEB-203 (" + keyOf("WEB-203") + ")", "relates to WEB-999");
		JsonNode again = importLinks("importer");
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("comments").asInt()).isZero();
		assertThat(this.jdbc.sql("select count(*) from bug_history where bug_id = :id and field = 'linked'")
			.param("id", idOf("WEB-201"))
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from comments where bug_id = :id")
			.param("id", idOf("WEB-201"))
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theRollupsCountImportedBugsOnTheirOwnDaysAndAnUndoTakesThemOut() {
		JsonNode job = importLinks("importer");
		assertThat(sum("select coalesce(sum(n), 0) from analytics_open where project_id = :p")).isEqualTo(2);
		assertThat(sum("select coalesce(sum(n), 0) from analytics_open_tags where project_id = :p")).isEqualTo(1);
		assertThat(sum("select coalesce(sum(created), 0) from analytics_daily where project_id = :p")).isEqualTo(3);
		assertThat(sum("select coalesce(sum(resolved), 0) from analytics_daily where project_id = :p")).isEqualTo(1);
		assertThat(sum("select coalesce(sum(created), 0) from analytics_tag_days where project_id = :p"
				+ " and day = '2024-03-01'"))
			.isEqualTo(1);
		Api.Response undone = this.api.post("/api/imports/" + job.get("id").asString() + "/undo", this.admin.token(),
				null);
		assertThat(undone.status()).as(undone.raw()).isEqualTo(200);
		assertThat(undone.body().get("state").asString()).isEqualTo("undone");
		assertThat(sum("select count(*) from bugs where project_id = :p")).isZero();
		assertThat(sum("select coalesce(sum(n), 0) from analytics_open where project_id = :p")).isZero();
		assertThat(sum("select coalesce(sum(n), 0) from analytics_open_days where project_id = :p")).isZero();
		assertThat(sum("select coalesce(sum(created), 0) from analytics_daily where project_id = :p")).isZero();
		assertThat(sum("select coalesce(sum(resolved), 0) from analytics_daily_tags where project_id = :p")).isZero();
		assertThat(
				this.api.post("/api/imports/" + job.get("id").asString() + "/undo", this.admin.token(), null).status())
			.isEqualTo(409);
	}

	@Test
	void aZipBringsTheExportWithItsAttachments() throws java.io.IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("export/"));
			zip.putNextEntry(new java.util.zip.ZipEntry("export/jira.csv"));
			zip.write(("Summary,Issue key,Issue id,Status,Attachment,Attachment\r\n"
					+ "Crash on empty cart,WEB-1,10001,Open,01/Mar/24 9:20 AM;fox;log.txt;files/log.txt,"
					+ "01/Mar/24 9:21 AM;fox;gone.txt;files/gone.txt\r\n")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.putNextEntry(new java.util.zip.ZipEntry("files/log.txt"));
			zip.write("IllegalStateException: cart is empty\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		JsonNode job = runAll(start("jira_csv", "export.zip", bytes.toByteArray(), null));
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(1);
		assertThat(job.get("attachments").asInt()).isEqualTo(1);
		assertThat(job.get("warnings").toString()).contains("files/gone.txt is not in the uploaded zip");
		JsonNode files = this.api.get("/api/bugs/" + keyOf("WEB-1") + "/attachments", this.admin.token()).body();
		assertThat(files.get("items").valueStream().map(f -> f.get("filename").asString())).containsExactly("log.txt");
	}

	@Test
	void anImportWhoseBugsChangedSinceCannotBeUndone() {
		JsonNode job = importLinks("importer");
		String cart = keyOf("WEB-203");
		Api.Response commented = this.api.post("/api/bugs/" + cart + "/comments", this.fox.token(),
				Map.of("content", "Still blocked."));
		assertThat(commented.status()).as(commented.raw()).isEqualTo(201);
		Api.Response undone = this.api.post("/api/imports/" + job.get("id").asString() + "/undo", this.admin.token(),
				null);
		assertThat(undone.status()).isEqualTo(409);
		assertThat(undone.raw()).contains(cart + " changed since it was imported");
		assertThat(sum("select count(*) from bugs where project_id = :p")).isEqualTo(3);
		assertThat(this.api.post("/api/imports/" + job.get("id").asString() + "/undo", this.fox.token(), null).status())
			.isEqualTo(403);
	}

}
