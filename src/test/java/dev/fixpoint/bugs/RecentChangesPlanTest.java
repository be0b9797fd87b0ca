package dev.fixpoint.bugs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.QueryPlan;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * My work's recent activity reads only the person's recently changed bugs (through the
 * project's assignee and reporter indexes) and their history, never the project: checked
 * with EXPLAIN ANALYZE on 20,000 bugs with 60,000 history rows, 200 of them the person's.
 */
class RecentChangesPlanTest extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(RecentChangesPlanTest.class);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	tools.jackson.databind.json.JsonMapper mapper;

	@Test
	void recentChangesOnMyBugsReadOnlyMyRecentBugs() {
		TestUser owner = this.api.newUser("Owner");
		TestUser me = this.api.newUser("Me");
		String key = this.api.newProject(owner).get("key").asString();
		UUID project = this.jdbc.sql("select id from projects where key = :key")
			.param("key", key)
			.query(UUID.class)
			.single();
		Instant now = Instant.now();
		// 20,000 bugs over 200 days; every 100th is mine (assigned), every 250th I
		// reported
		this.jdbc.sql("""
				insert into bugs (id, project_id, number, title, description, severity, priority, status, reporter_id,
				    assignee_id, created_at, updated_at)
				select gen_random_uuid(), :project, n + 1000, 'Bug ' || n, 'd', 'low', 'P3', 'open',
				       case when n % 250 = 0 then cast(:me as uuid) else cast(:owner as uuid) end,
				       case when n % 100 = 0 then cast(:me as uuid) end,
				       cast(:now as timestamptz) - (n % 200) * interval '1 day',
				       cast(:now as timestamptz) - (n % 200) * interval '1 day'
				from generate_series(1, 20000) n
				""")
			.param("project", project)
			.param("me", me.id())
			.param("owner", owner.id())
			.param("now", java.sql.Timestamp.from(now))
			.update();
		this.jdbc.sql("""
				insert into bug_history (bug_id, user_id, field, old_value, new_value, created_at)
				select b.id, :owner, f.field, null, 'x', b.updated_at
				from bugs b cross join (values ('status'), ('priority'), ('comment_added')) f (field)
				where b.project_id = :project
				""").param("owner", owner.id()).param("project", project).update();
		this.jdbc.sql("analyze bugs").update();
		this.jdbc.sql("analyze bug_history").update();

		try {
			check(project, me, now.minus(Duration.ofDays(14)));
		}
		finally {
			// other tests' plans are not to be planned around these rows
			this.jdbc.sql("delete from bugs where project_id = :project").param("project", project).update();
			this.jdbc.sql("analyze bugs").update();
		}
	}

	private void check(UUID project, TestUser me, Instant since) {
		List<UUID> projects = List.of(project);
		QueryPlan plan = QueryPlan.analyze(this.jdbc, this.tx,
				db -> new BugRepository(db, this.mapper).changesOnBugsOf(projects, me.id(), since, 10));
		log.info("Plan\n{}", plan.root());
		assertThat(plan).as(plan.root().toString())
			.matches(p -> !p.seqScanOn("bugs") && !p.seqScanOn("bug_history"), "no sequential scan")
			.matches(p -> p.indexConditionOn("bugs", "project_id"), "bugs found by project and person")
			.matches(p -> p.root().all().filter(n -> "bugs".equals(n.table())).allMatch(n -> n.rowsRead() < 500),
					"only the person's recent bugs are read");
		List<BugRepository.ChangeRow> changes = this.tx
			.execute(s -> new BugRepository(this.jdbc, this.mapper).changesOnBugsOf(projects, me.id(), since, 10));
		assertThat(changes).hasSize(10).allMatch(c -> !c.createdAt().isBefore(since));
	}

}
