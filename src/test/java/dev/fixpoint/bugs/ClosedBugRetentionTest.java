package dev.fixpoint.bugs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's retention of closed bugs: the policy (admins, validated, audited,
 * previewed) and the job that deletes or anonymises the bugs closed more than N days ago,
 * once per round across nodes, moved in time by the test clock.
 */
class ClosedBugRetentionTest extends IntegrationTest {

	@Autowired
	RetentionJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	TestUser admin;

	TestUser dev;

	String key;

	@BeforeEach
	void setUp() {
		this.admin = this.api.newUser("Keeper");
		this.dev = this.api.newUser("Dev");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.key, this.dev, "developer");
	}

	/** The clock moved past the sign-in tokens' lifetime (30 days). */
	private void signInAgain() {
		this.admin = this.api.signIn(this.admin);
		this.dev = this.api.signIn(this.dev);
	}

	@Test
	void deletesBugsClosedLongerAgoThanThePolicyWithEverythingOnThem() {
		String old = closedBug("Closed long ago");
		this.api.post("/api/bugs/" + old + "/comments", this.dev.token(), Map.of("content", "Seen it"));
		this.clock.advance(Duration.ofDays(33));
		signInAgain();
		String recent = closedBug("Closed last week");
		String open = this.api.newBug(this.admin, this.key, "Still open", "low").get("key").asString();
		this.clock.advance(Duration.ofDays(10));
		UUID oldId = id(old);

		Api.Response saved = setPolicy(30, "delete");
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body().get("due_now").asLong()).isEqualTo(1);
		List<RetentionJob.Outcome> outcomes = this.job.run();

		assertThat(outcomes).contains(new RetentionJob.Outcome(projectId(), "deleted", 1, false));
		assertThat(this.api.get("/api/bugs/" + old, this.admin.token()).status()).isEqualTo(404);
		assertThat(count("comments", oldId)).isZero();
		assertThat(count("bug_history", oldId)).isZero();
		assertThat(this.api.get("/api/bugs/" + recent, this.admin.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/bugs/" + open, this.admin.token()).status()).isEqualTo(200);
		assertThat(this.api.get(policyPath(), this.admin.token()).body().get("due_now").asLong()).isZero();
		Map<String, Object> applied = lastAudit("project.retention_applied");
		assertThat(applied.get("actor_id")).isEqualTo(SystemActor.SYSTEM.id());
		assertThat(applied.get("after").toString()).contains("\"deleted\": 1");
		Map<String, Object> changed = lastAudit("project.retention_changed");
		assertThat(changed.get("actor_id")).isEqualTo(this.admin.id());
		assertThat(changed.get("before").toString()).contains("\"retention_days\": null");
		assertThat(changed.get("after").toString()).contains("\"retention_days\": 30",
				"\"retention_action\": \"delete\"");
	}

	@Test
	void anonymisingKeepsTheBugButNoneOfItsPeople() {
		String bug = this.api
			.post("/api/projects/" + this.key + "/bugs", this.dev.token(),
					Map.of("title", "Mail to jane.doe@example.com bounces", "severity", "high", "description",
							"Ask @" + this.admin.username() + " or write to " + this.dev.email()))
			.body()
			.get("key")
			.asString();
		this.api.patch("/api/bugs/" + bug, this.admin.token(), Map.of("assignee_id", this.dev.id().toString()));
		this.api.post("/api/bugs/" + bug + "/comments", this.dev.token(),
				Map.of("content", "@" + this.admin.username() + " reach me at " + this.dev.email()));
		close(bug);
		this.clock.advance(Duration.ofDays(8));
		setPolicy(7, "anonymise");
		UUID id = id(bug);

		assertThat(this.job.run()).contains(new RetentionJob.Outcome(projectId(), "anonymised", 1, false));

		JsonNode anonymised = this.api.get("/api/bugs/" + bug, this.admin.token()).body();
		assertThat(anonymised.get("title").asString()).isEqualTo("Mail to [email removed] bounces");
		assertThat(anonymised.get("description").asString()).isEqualTo("Ask @anonymous or write to [email removed]");
		assertThat(anonymised.get("reporter").get("id").asString()).isEqualTo(SystemActor.ANONYMOUS.id().toString());
		assertThat(anonymised.get("assignee").get("id").asString()).isEqualTo(SystemActor.ANONYMOUS.id().toString());
		assertThat(anonymised.get("verified_by").get("id").asString()).isEqualTo(SystemActor.ANONYMOUS.id().toString());
		JsonNode comment = this.api.get("/api/bugs/" + bug + "/comments", this.admin.token())
			.body()
			.get("items")
			.get(0);
		assertThat(comment.get("author").get("id").asString()).isEqualTo(SystemActor.ANONYMOUS.id().toString());
		assertThat(comment.get("content").asString()).isEqualTo("@anonymous reach me at [email removed]");
		assertThat(comment.get("content_html").asString()).doesNotContain(this.dev.email(), this.admin.username());
		// nothing on the bug names the people any more
		for (TestUser person : List.of(this.admin, this.dev)) {
			assertThat(this.jdbc.sql("""
					select count(*) from bug_history where bug_id = :bug
					  and (user_id = :person or old_value = :text or new_value = :text
					       or old_value like '%' || :email || '%' or new_value like '%' || :email || '%')
					""")
				.param("bug", id)
				.param("person", person.id())
				.param("text", person.id().toString())
				.param("email", person.email())
				.query(Integer.class)
				.single()).as(person.username() + " in history").isZero();
			assertThat(this.jdbc.sql("select count(*) from bug_watchers where bug_id = :bug and user_id = :person")
				.param("bug", id)
				.param("person", person.id())
				.query(Integer.class)
				.single()).isZero();
		}
		assertThat(count("notifications", id)).isZero();
		// a second round leaves anonymised bugs alone
		assertThat(this.job.run()).contains(new RetentionJob.Outcome(projectId(), "anonymised", 0, false));
		assertThat(lastAudit("project.retention_applied").get("after").toString()).contains("\"anonymised\": 1");
	}

	@Test
	void aDryRunCountsWithoutSaving() {
		closedBug("Closed");
		this.clock.advance(Duration.ofDays(3));
		setPolicy(30, "anonymise");

		Api.Response preview = this.api.put(policyPath() + "?dry_run=true", this.admin.token(),
				Api.body("retention_days", 2, "retention_action", "delete"));

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body().get("due_now").asLong()).isEqualTo(1);
		assertThat(preview.body().get("dry_run").asBoolean()).isTrue();
		JsonNode saved = this.api.get(policyPath(), this.admin.token()).body();
		assertThat(saved.get("retention_days").asInt()).isEqualTo(30);
		assertThat(saved.get("retention_action").asString()).isEqualTo("anonymise");
		assertThat(saved.get("due_now").asLong()).isZero();
	}

	@Test
	void onlyAdminsSetAValidPolicy() {
		Api.Response zero = setPolicy(0, "delete");
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.body().get("errors").findValuesAsString("field")).containsExactly("retention_days");
		Api.Response shred = this.api.put(policyPath(), this.admin.token(),
				Api.body("retention_days", 10, "retention_action", "shred"));
		assertThat(shred.status()).isEqualTo(400);
		assertThat(shred.body().get("errors").findValuesAsString("field")).containsExactly("retention_action");
		assertThat(this.api.get(policyPath(), this.dev.token()).status()).isEqualTo(403);
		assertThat(this.api.put(policyPath(), this.dev.token(), Api.body("retention_days", 10)).status())
			.isEqualTo(403);
		TestUser stranger = this.api.newUser("Stranger");
		assertThat(this.api.get(policyPath(), stranger.token()).status()).isEqualTo(404);
		Api.Response keep = this.api.put(policyPath(), this.admin.token(), Api.body("retention_days", null));
		assertThat(keep.status()).isEqualTo(200);
		assertThat(keep.body().get("retention_action").asString()).isEqualTo("anonymise");
	}

	@Test
	void oneNodeAppliesRetentionAtATime() {
		String bug = closedBug("Closed");
		this.clock.advance(Duration.ofDays(3));
		setPolicy(1, "delete");

		List<RetentionJob.Outcome> whileLocked = this.transactions.execute(status -> {
			// another node's batch holds the claim until its transaction ends
			this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('bug-retention', 19))::text")
				.query()
				.singleRow();
			TransactionTemplate another = new TransactionTemplate(this.transactions.getTransactionManager());
			another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			return another.execute(inner -> this.job.run());
		});

		assertThat(whileLocked).allMatch(o -> o.interrupted() && o.bugs() == 0);
		assertThat(this.api.get("/api/bugs/" + bug, this.admin.token()).status()).isEqualTo(200);
		assertThat(this.job.run()).contains(new RetentionJob.Outcome(projectId(), "deleted", 1, false));
	}

	private String closedBug(String title) {
		String bug = this.api.newBug(this.admin, this.key, title, "medium").get("key").asString();
		close(bug);
		return bug;
	}

	private void close(String bug) {
		assertThat(
				this.api
					.patch("/api/bugs/" + bug, this.admin.token(),
							Map.of("status", "resolved", "resolution", "fixed", "verified_by",
									this.dev.id().toString()))
					.status())
			.isEqualTo(200);
		assertThat(this.api.patch("/api/bugs/" + bug, this.admin.token(), Map.of("status", "closed")).status())
			.isEqualTo(200);
	}

	private Api.Response setPolicy(int days, String action) {
		return this.api.put(policyPath(), this.admin.token(),
				Api.body("retention_days", days, "retention_action", action));
	}

	private String policyPath() {
		return "/api/projects/" + this.key + "/retention";
	}

	private UUID projectId() {
		return this.jdbc.sql("select id from projects where key = :key")
			.param("key", this.key)
			.query(UUID.class)
			.single();
	}

	private UUID id(String bugKey) {
		return UUID.fromString(this.api.get("/api/bugs/" + bugKey, this.admin.token()).body().get("id").asString());
	}

	private int count(String table, UUID bugId) {
		return this.jdbc.sql("select count(*) from " + table + " where bug_id = :bug")
			.param("bug", bugId)
			.query(Integer.class)
			.single();
	}

	private Map<String, Object> lastAudit(String action) {
		return this.jdbc.sql("""
				select actor_id, before::text as before, after::text as after from audit_events
				where action = :action and target_id = :project order by created_at desc, id desc limit 1
				""").param("action", action).param("project", projectId().toString()).query().singleRow();
	}

}
