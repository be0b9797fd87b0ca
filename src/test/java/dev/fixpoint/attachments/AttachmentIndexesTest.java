package dev.fixpoint.attachments;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lookup of the attachments module has an index that PostgreSQL can use for it (checked with EXPLAIN while
 * sequential scans are discouraged, since the test tables are tiny).
 */
class AttachmentIndexesTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private String plan(String sql) {
		return this.transactions.execute(status -> {
			this.jdbc.sql("set local enable_seqscan = off").update();
			List<String> lines = this.jdbc.sql("explain " + sql).query(String.class).list();
			return String.join("\n", lines);
		});
	}

	@Test
	void theModulesQueriesUseTheirIndexes() {
		UUID id = UUID.randomUUID();
		assertThat(plan("select * from attachments where bug_id = '" + id + "' and (created_at, id) > (now(), '" + id
				+ "') order by created_at, id limit 101")).contains("attachments_bug_idx");
		assertThat(plan("select coalesce(sum(file_size + thumbnail_size), 0), count(*) from attachments where org_id = '"
				+ id + "'")).contains("attachments_org_idx");
		assertThat(plan("delete from attachments a using bugs b where a.project_id = '" + id
				+ "' and b.id = a.bug_id and b.closed_at < now()")).contains("attachments_project_idx");
		assertThat(plan("select object_key from attachment_purges order by queued_at limit 100 for update skip locked"))
			.contains("attachment_purges_queued_idx");
		assertThat(plan("select object_key from attachments where object_key in ('a', 'b') union all "
				+ "select thumbnail_key from attachments where thumbnail_key in ('a', 'b')"))
			.contains("attachments_object_key_key")
			.contains("attachments_thumbnail_key_key");
		assertThat(plan("select 1 from attachments where comment_id = '" + id + "'")).contains("attachments_comment_idx");
	}

}
