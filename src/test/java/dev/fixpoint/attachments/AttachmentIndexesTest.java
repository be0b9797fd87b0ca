package dev.fixpoint.attachments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.QueryPlan;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lookup of the attachments module has an index that PostgreSQL can use for it
 * (checked with EXPLAIN of the repository's own statements while sequential scans are
 * discouraged, since the test tables are tiny).
 */
class AttachmentIndexesTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private QueryPlan plan(Consumer<JdbcClient> call) {
		return QueryPlan.explain(this.jdbc, this.transactions, call, "set local enable_seqscan = off");
	}

	@Test
	void theModulesQueriesUseTheirIndexes() {
		UUID id = UUID.randomUUID();
		assertThat(plan(db -> new AttachmentRepository(db).page(id, Instant.now(), id, 101)))
			.matches(p -> p.walksIndex("attachments_bug_idx"), "walks attachments_bug_idx");
		assertThat(plan(db -> new AttachmentRepository(db).usage(id))).matches(p -> p.usesIndex("attachments_org_idx"),
				"uses attachments_org_idx");
		assertThat(plan(db -> new AttachmentRepository(db).deleteOfBugsClosedBefore(id, Instant.now())))
			.matches(p -> p.usesIndex("attachments_project_idx"), "uses attachments_project_idx");
		assertThat(plan(db -> new AttachmentRepository(db).lockPurges(100)))
			.matches(p -> p.walksIndex("attachment_purges_queued_idx"), "walks attachment_purges_queued_idx");
		assertThat(plan(db -> new AttachmentRepository(db).referenced(List.of("a", "b")))).matches(
				p -> p.usesIndex("attachments_object_key_key") && p.usesIndex("attachments_thumbnail_key_key"),
				"uses both unique key indexes");
		// deleting a comment deletes its attachments (on delete cascade): PostgreSQL
		// looks them up by comment_id
		assertThat(plan(db -> db.sql("delete from only attachments where comment_id = :id").param("id", id).update()))
			.matches(p -> p.usesIndex("attachments_comment_idx"), "uses attachments_comment_idx");
	}

}
