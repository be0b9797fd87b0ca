package dev.fixpoint.bugs;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.bugs.BugRepository.RankedRow;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two plans of a ranked search (walk the newest bugs, or ask the full-text index)
 * rank the same candidates: the most recently updated matches, at most
 * {@link BugListQuery#RANKED_CANDIDATES}.
 */
class RankedSearchTest extends IntegrationTest {

	@Autowired
	BugRepository bugs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	private UUID project;

	@BeforeEach
	void manyBugs() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		this.project = this.jdbc.sql("select id from projects where key = :key")
			.param("key", key)
			.query(UUID.class)
			.single();
		// 150 checkout bugs, 3 deadlock bugs among them, 50 others; updated one minute
		// apart
		this.jdbc.sql("""
				insert into bugs (id, project_id, number, title, description, severity, status, reporter_id, updated_at)
				select gen_random_uuid(), :project, n,
				       case when n <= 150 then 'Checkout step ' || n else 'Profile page ' || n end,
				       case when n in (7, 70, 140) then 'deadlock in the payment service' else 'nothing special' end,
				       'medium', 'open', :reporter, now() - n * interval '1 minute'
				from generate_series(1, 200) n
				""").param("project", this.project).param("reporter", ann.id()).update();
	}

	@Test
	void commonWordsWalkTheNewestBugsAndRareOnesUseTheIndexWithTheSameResult() {
		List<RankedRow> walked = search("checkout:*", 5000);
		List<RankedRow> indexed = search("checkout:*", null);
		List<RankedRow> indexedNewest = search("checkout:*", null, 120);
		assertThat(walked).hasSize(BugListQuery.RANKED_CANDIDATES);
		assertThat(walked.get(0).candidates()).isEqualTo(BugListQuery.RANKED_CANDIDATES);
		assertThat(ids(walked)).isEqualTo(ids(indexed)).isEqualTo(ids(indexedNewest));
		// among the newest 60 bugs only 60 checkout bugs: the caller then reads every
		// match
		assertThat(search("checkout:*", null, 60).get(0).candidates()).isEqualTo(60);
		// the newest 100 of the 150 checkout bugs: numbers 1..100
		assertThat(walked).allSatisfy(r -> assertThat(r.bug().number()).isBetween(1, 100));

		// a window that holds fewer matches than the candidates: the caller then asks the
		// index
		assertThat(search("checkout:*", 60).get(0).candidates()).isEqualTo(60);

		List<RankedRow> rare = search("deadlock:*", null);
		assertThat(rare).extracting(r -> r.bug().number()).containsExactlyInAnyOrder(7, 70, 140);
		assertThat(rare.get(0).candidates()).isEqualTo(3);
		assertThat(rare.get(0).snippet()).contains("\u0001deadlock\u0002");
	}

	private List<RankedRow> search(String tsQuery, Integer window) {
		return search(tsQuery, window, null);
	}

	private List<RankedRow> search(String tsQuery, Integer window, Integer newest) {
		return this.tx.execute(s -> this.bugs.search(List.of(this.project), BugFilter.builder().build(), tsQuery, "",
				window, newest, null, 200));
	}

	private static List<UUID> ids(List<RankedRow> rows) {
		return rows.stream().map(r -> r.bug().id()).toList();
	}

}
