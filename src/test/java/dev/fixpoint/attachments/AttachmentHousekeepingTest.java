package dev.fixpoint.attachments;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.attachments.storage.ObjectStorage;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting bugs removes their files; retention per project; the sweep for orphaned
 * objects.
 */
class AttachmentHousekeepingTest extends IntegrationTest {

	@Autowired
	ObjectStorage storage;

	@Autowired
	AttachmentHousekeeping housekeeping;

	@Autowired
	StoredObjects objects;

	@Autowired
	JdbcClient jdbc;

	Multipart multipart;

	TestUser admin;

	String projectKey;

	@BeforeEach
	void setUp() {
		this.multipart = new Multipart(baseUrl(), this.json);
		this.admin = this.api.newUser("keeper");
		this.projectKey = this.api.newProject(this.admin).get("key").asString();
	}

	private String bug(String title) {
		return this.api.newBug(this.admin, this.projectKey, title, "medium").get("id").asString();
	}

	private JsonNode attach(String bugId) {
		Api.Response r = this.multipart.upload("/api/bugs/" + bugId + "/attachments", this.admin.token(), "shot.png",
				SampleFiles.png(64, 64));
		assertThat(r.status()).isEqualTo(201);
		return r.body();
	}

	private String[] keysOf(JsonNode attachment) {
		return this.jdbc.sql("select object_key, thumbnail_key from attachments where id = :id")
			.param("id", UUID.fromString(attachment.get("id").asString()))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
	}

	@Test
	void whileABackupCopiesObjectsNothingIsRemovedFromTheStore() throws Exception {
		String bugId = bug("Deleted during a backup");
		String[] keys = keysOf(attach(bugId));

		try (StoredObjects.Pause pause = this.objects.pausePurges()) {
			assertThat(this.api.delete("/api/bugs/" + bugId, this.admin.token()).status()).isEqualTo(204);
			this.housekeeping.run(Instant.now().plus(java.time.Duration.ofDays(1)));
			assertThat(this.storage.exists(keys[0])).isTrue();
			assertThat(this.storage.exists(keys[1])).isTrue();
		}
		this.housekeeping.run(Instant.now());

		assertThat(this.storage.exists(keys[0])).isFalse();
		assertThat(this.storage.exists(keys[1])).isFalse();
	}

	@Test
	void deletingABugRemovesItsStoredFiles() throws Exception {
		String bugId = bug("Doomed");
		String[] keys = keysOf(attach(bugId));
		assertThat(this.storage.exists(keys[0])).isTrue();

		assertThat(this.api.delete("/api/bugs/" + bugId, this.admin.token()).status()).isEqualTo(204);
		AttachmentHousekeeping.Report report = this.housekeeping.run(Instant.now());

		assertThat(report.purged()).isGreaterThanOrEqualTo(2);
		assertThat(this.storage.exists(keys[0])).isFalse();
		assertThat(this.storage.exists(keys[1])).isFalse();
	}

	@Test
	void retentionDeletesAttachmentsOfBugsClosedLongerAgoThanTheProjectKeepsThem() throws Exception {
		this.api.put("/api/projects/" + this.projectKey + "/attachment-settings", this.admin.token(),
				Api.body("allowed_types", AttachmentSettings.DEFAULT_TYPES, "retention_days_after_close", 30));
		String oldBug = bug("Closed long ago");
		String recentBug = bug("Closed last week");
		String openBug = bug("Still open");
		JsonNode old = attach(oldBug);
		JsonNode recent = attach(recentBug);
		JsonNode open = attach(openBug);
		// time passes: the bugs were closed 40 and 7 days ago
		closedDaysAgo(oldBug, 40);
		closedDaysAgo(recentBug, 7);
		String[] oldKeys = keysOf(old);

		this.housekeeping.run(Instant.now());

		assertThat(this.api.get("/api/attachments/" + old.get("id").asString(), this.admin.token()).status())
			.isEqualTo(404);
		assertThat(this.storage.exists(oldKeys[0])).isFalse();
		assertThat(this.api.get("/api/attachments/" + recent.get("id").asString(), this.admin.token()).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/attachments/" + open.get("id").asString(), this.admin.token()).status())
			.isEqualTo(200);
	}

	private void closedDaysAgo(String bugId, int days) {
		this.jdbc.sql("update bugs set closed_at = now() - make_interval(days => :days) where id = :id")
			.param("days", days)
			.param("id", UUID.fromString(bugId))
			.update();
	}

	@Test
	void theSweepRemovesOrphanedObjectsOnceTheyAreOlderThanTheGracePeriod() throws Exception {
		String[] kept = keysOf(attach(bug("Has a file")));
		String orphan = UUID.randomUUID().toString();
		this.storage.store(orphan, new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3);

		// a fresh orphan may be an upload in progress: kept
		assertThat(this.housekeeping.sweepOrphans(Instant.now().minusSeconds(3600))).isZero();
		assertThat(this.storage.exists(orphan)).isTrue();

		int removed = this.housekeeping.sweepOrphans(Instant.now().plusSeconds(60));

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(this.storage.exists(orphan)).isFalse();
		assertThat(this.storage.exists(kept[0])).isTrue();
		assertThat(this.storage.exists(kept[1])).isTrue();
	}

}
