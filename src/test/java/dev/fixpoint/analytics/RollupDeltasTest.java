package dev.fixpoint.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filings and status moves insert deltas; {@link RollupDeltas} folds them into the
 * rollups. Every count read through the rollups' views is exact before a fold, after it,
 * under concurrent filings and folds, and after a fold that rolled back. (The test
 * profile does not fold by itself: every other test reads its counts unfolded.)
 */
class RollupDeltasTest extends IntegrationTest {

	@Autowired
	RollupDeltas deltas;

	@Autowired
	OpenBugCounts openBugCounts;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private TestUser ann;

	private TestUser dev;

	private String key;

	private UUID project;

	@BeforeEach
	void project() {
		this.ann = this.api.newUser("Ann");
		this.dev = this.api.newUser("Dev");
		var created = this.api.newProject(this.ann);
		this.key = created.get("key").asString();
		this.project = UUID.fromString(created.get("id").asString());
		this.api.addMember(this.ann, this.key, this.dev, "developer");
	}

	@Test
	void countsAreExactRightAfterFilingAndStayExactAfterFolding() {
		file("Crash on save", List.of("save", "ui"), true);
		String resolved = file("Slow search", List.of(), false);
		file("Typo", List.of("ui"), false);
		move(resolved);

		Map<String, Number> unfolded = counts();
		assertThat(unfolded).isEqualTo(expected());
		assertThat(unfolded.get("open")).isEqualTo(2L);
		assertThat(myWork().open()).isEqualTo(2);
		assertThat(myWork().assignedToMe()).isEqualTo(1);
		assertThat(deltaRows()).isPositive();

		assertThat(this.deltas.fold()).isPositive();
		assertThat(deltaRows()).isZero();
		assertThat(counts()).isEqualTo(unfolded);
		assertThat(folded()).isEqualTo(unfolded);
		assertThat(myWork().open()).isEqualTo(2);

		// after a fold, new deltas add to the folded rows
		file("Another crash", List.of("ui"), true);
		assertThat(counts()).isEqualTo(expected());
		this.deltas.fold();
		assertThat(folded()).isEqualTo(expected());
		assertThat(myWork().assignedToMe()).isEqualTo(2);
	}

	@Test
	void concurrentFilingsAndFoldsCountEveryBugExactlyOnce() throws Exception {
		AtomicBoolean filing = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(5);
		try {
			Future<Integer> folds = pool.submit(() -> {
				int n = 0;
				do {
					this.deltas.fold();
					n++;
				}
				while (filing.get());
				return n;
			});
			List<Future<?>> filers = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				filers.add(pool.submit(() -> {
					for (int i = 0; i < 12; i++) {
						String bug = file("Bug " + thread + "-" + i, i % 2 == 0 ? List.of("ui") : List.of("api", "ui"),
								i % 3 == 0);
						if (i % 4 == 0) {
							move(bug);
						}
					}
					return null;
				}));
			}
			for (Future<?> f : filers) {
				f.get();
			}
			filing.set(false);
			assertThat(folds.get()).isPositive();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(counts()).isEqualTo(expected());
		assertThat(counts().get("created")).isEqualTo(48L);
		this.deltas.fold();
		assertThat(deltaRows()).isZero();
		assertThat(folded()).isEqualTo(expected());
	}

	@Test
	void aFoldThatRollsBackLosesNothing() {
		file("Crash on save", List.of("save"), true);
		file("Slow search", List.of(), false);
		this.deltas.fold();
		file("Typo", List.of("ui"), false);
		Map<String, Number> before = counts();
		long deltasBefore = deltaRows();

		new TransactionTemplate(this.transactions).executeWithoutResult(tx -> {
			assertThat(this.deltas.fold()).isPositive();
			tx.setRollbackOnly(); // as if the fold had failed after its statement
		});

		assertThat(deltaRows()).isEqualTo(deltasBefore);
		assertThat(counts()).isEqualTo(before).isEqualTo(expected());
		this.deltas.fold();
		assertThat(deltaRows()).isZero();
		assertThat(counts()).isEqualTo(before);
		assertThat(folded()).isEqualTo(before);
	}

	private String file(String title, List<String> tags, boolean assigned) {
		Map<String, Object> bug = new LinkedHashMap<>(Map.of("title", title, "severity", "high", "tags", tags));
		if (assigned) {
			bug.put("assignee_id", this.dev.id().toString());
		}
		Api.Response r = this.api.post("/api/projects/" + this.key + "/bugs", this.ann.token(), bug);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
		return r.body().get("key").asString();
	}

	private void move(String bug) {
		Api.Response r = this.api.patch("/api/bugs/" + bug, this.ann.token(),
				Map.of("status", "resolved", "resolution", "fixed"));
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
	}

	private OpenBugCounts.Counts myWork() {
		return this.openBugCounts.mine(Accounts.asCurrentUser(this.accounts.find(this.dev.id()).orElseThrow()))
			.get(this.project);
	}

	/** What each rollup sums to for the project, read through the views. */
	private Map<String, Number> counts() {
		return sums("");
	}

	/** The same from the folded tables alone. */
	private Map<String, Number> folded() {
		return sums("_folded");
	}

	private Map<String, Number> sums(String suffix) {
		return longs(this.jdbc.sql("""
				select (select coalesce(sum(n), 0) from analytics_open%1$s where project_id = :p) as open,
				    (select coalesce(sum(n), 0) from analytics_open_days%1$s where project_id = :p) as open_days,
				    (select coalesce(sum(n), 0) from analytics_open_tags%1$s where project_id = :p) as open_tags,
				    (select coalesce(sum(n), 0) from analytics_open_assignees%1$s where project_id = :p) as assigned,
				    (select coalesce(sum(created), 0) from analytics_daily%1$s where project_id = :p) as created,
				    (select coalesce(sum(resolved), 0) from analytics_daily%1$s where project_id = :p) as resolved,
				    (select coalesce(sum(created), 0) from analytics_daily_tags%1$s where project_id = :p) as tagged,
				    (select coalesce(sum(created), 0) from analytics_tag_days%1$s where project_id = :p) as tag_days,
				    (select coalesce(sum(stretches), 0) from analytics_status_days%1$s where project_id = :p)
				        as stretches,
				    (select coalesce(sum(stretches), 0) from analytics_status_time%1$s where project_id = :p)
				        as status_time
				""".formatted(suffix)).param("p", this.project).query().singleRow());
	}

	/** The same counts from the bugs themselves. */
	private Map<String, Number> expected() {
		return longs(this.jdbc.sql("""
				select count(*) filter (where resolved_at is null) as open,
				    count(*) filter (where resolved_at is null) as open_days,
				    coalesce(sum(cardinality(tags)) filter (where resolved_at is null), 0) as open_tags,
				    count(*) filter (where resolved_at is null and assignee_id is not null) as assigned,
				    count(*) as created,
				    count(*) filter (where resolved_at is not null) as resolved,
				    coalesce(sum(cardinality(tags)), 0) as tagged,
				    coalesce(sum(cardinality(tags)), 0) as tag_days,
				    count(*) filter (where resolved_at is not null) as stretches,
				    count(*) filter (where resolved_at is not null) as status_time
				from bugs where project_id = :p
				""").param("p", this.project).query().singleRow());
	}

	private static Map<String, Number> longs(Map<String, Object> row) {
		Map<String, Number> longs = new LinkedHashMap<>();
		row.forEach((column, value) -> longs.put(column, ((Number) value).longValue()));
		return longs;
	}

	private long deltaRows() {
		return this.jdbc.sql("""
				select (select count(*) from analytics_open_delta where project_id = :p)
				    + (select count(*) from analytics_open_days_delta where project_id = :p)
				    + (select count(*) from analytics_daily_delta where project_id = :p)
				    + (select count(*) from analytics_status_days_delta where project_id = :p)
				""").param("p", this.project).query(Long.class).single();
	}

}
