package dev.fixpoint.comments;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comments' triggers that keep their text in the bug's full-text vector (V5, V23,
 * V43): they recompute a bug's vector only when a comment's text, visibility or deletion
 * changed, and write a bug only when its vector changed. Observed in one transaction: the
 * trigger function's calls ({@code pg_stat_get_xact_function_calls}, counted with
 * {@code track_functions = pl}) and the bug row's version ({@code xmin} changes when the
 * row is written again).
 */
class CommentSearchVectorTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private TestUser admin;

	private String key;

	@BeforeEach
	void project() {
		this.admin = this.api.newUser("Admin");
		this.key = this.api.newProject(this.admin).get("key").asString();
	}

	@Test
	void anUpdateThatKeepsTheTextKeepsTheVectorAndRecomputesNothing() {
		UUID bug = bug("Checkout crashes");
		UUID comment = UUID.fromString(
				this.api
					.post("/api/bugs/" + this.key + "-" + number(bug) + "/comments", this.admin.token(),
							Map.of("content", "Reproduced on Safari"))
					.body()
					.get("id")
					.asString());
		this.transactions.executeWithoutResult(tx -> {
			this.jdbc.sql("set local track_functions = 'pl'").update();
			String version = version(bug);
			String vector = vector(bug);
			assertThat(vector).contains("'safari'");
			long calls = triggerCalls();

			this.jdbc
				.sql("update comments set content = content, is_internal = is_internal, deleted_at = deleted_at "
						+ "where id = :id")
				.param("id", comment)
				.update();
			assertThat(triggerCalls()).isEqualTo(calls);
			assertThat(vector(bug)).isEqualTo(vector);
			assertThat(version(bug)).isEqualTo(version);

			this.jdbc.sql("update comments set content = 'Reproduced on Firefox' where id = :id")
				.param("id", comment)
				.update();
			assertThat(triggerCalls()).isEqualTo(calls + 1);
			assertThat(vector(bug)).contains("'firefox'").doesNotContain("'safari'");

			this.jdbc.sql("update comments set is_internal = true where id = :id").param("id", comment).update();
			assertThat(triggerCalls()).isEqualTo(calls + 2);
			assertThat(vector(bug)).isEmpty();
			tx.setRollbackOnly();
		});
	}

	@Test
	void anInsertWritesOnlyTheBugsWhoseVectorChanged() {
		UUID ready = bug("Vector stored with the bug");
		UUID stale = bug("Vector not stored yet");
		this.transactions.executeWithoutResult(tx -> {
			// what an import does: the bug stored with its comments' vector before they
			// are
			// inserted
			this.jdbc
				.sql("update bugs set comment_vector = setweight(to_tsvector('english', 'Seen on Safari'), 'D') "
						+ "where id = :id")
				.param("id", ready)
				.update();
			String readyVersion = version(ready);
			String staleVersion = version(stale);
			this.jdbc
				.sql("""
						insert into comments (id, bug_id, author_id, content, content_html, created_at, updated_at)
						values (gen_random_uuid(), :ready, :author, 'Seen on Safari', '<p>Seen on Safari</p>', now(), now()),
						       (gen_random_uuid(), :stale, :author, 'Seen on Firefox', '<p>Seen on Firefox</p>', now(), now())
						""")
				.param("ready", ready)
				.param("stale", stale)
				.param("author", this.admin.id())
				.update();
			assertThat(version(ready)).isEqualTo(readyVersion);
			assertThat(vector(ready)).isEqualTo("'safari':3 'seen':1");
			assertThat(version(stale)).isNotEqualTo(staleVersion);
			assertThat(vector(stale)).isEqualTo("'firefox':3 'seen':1");
			tx.setRollbackOnly();
		});
	}

	private UUID bug(String title) {
		int number = this.api.newBug(this.admin, this.key, title, "low").get("number").asInt();
		return this.jdbc
			.sql("select b.id from bugs b join projects p on p.id = b.project_id "
					+ "where p.key = :key and b.number = :number")
			.param("key", this.key)
			.param("number", number)
			.query(UUID.class)
			.single();
	}

	private int number(UUID bug) {
		return this.jdbc.sql("select number from bugs where id = :id").param("id", bug).query(Integer.class).single();
	}

	private String vector(UUID bug) {
		return this.jdbc.sql("select comment_vector::text from bugs where id = :id")
			.param("id", bug)
			.query(String.class)
			.single();
	}

	/** The row version: a write of the row (even of the same values) changes it. */
	private String version(UUID bug) {
		return this.jdbc.sql("select ctid::text || xmin::text from bugs where id = :id")
			.param("id", bug)
			.query(String.class)
			.single();
	}

	/** Calls of the update and delete triggers' function in this transaction. */
	private long triggerCalls() {
		return this.jdbc.sql("select coalesce(pg_stat_get_xact_function_calls('comments_search_trigger'::regproc), 0)")
			.query(Long.class)
			.single();
	}

}
