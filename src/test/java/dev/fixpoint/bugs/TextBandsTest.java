package dev.fixpoint.bugs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.fixpoint.platform.Cursor;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.QueryPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text list sorted by time, read by its walk or band by band (bench/sql/README.md
 * findings 23 and 25): the walk's rows straight from the walk, bands of one day named as
 * exact days, bands that cross midnight, narrow bands within one day, wide bands as a
 * range. Every page chain is compared with PostgreSQL's own sort of all matches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextBandsTest extends IntegrationTest {

	/** Late in a day (UTC): the bugs' times cross several midnights. */
	private static final Instant T0 = Instant.parse("2026-05-01T21:00:00Z");

	private static final List<BugSort> TIME_SORTS = List.of(BugSort.UPDATED_DESC, BugSort.UPDATED_ASC,
			BugSort.CREATED_DESC, BugSort.CREATED_ASC);

	/**
	 * "walrus": old bugs only, and a few scattered; "heron": every other bug; "osprey":
	 * only bugs filed and updated more than two days before the newest ones (all old);
	 * "kubernetes": no bug.
	 */
	private static final List<String> WORDS = List.of("walrus", "heron", "walrus heron", "osprey", "kubernetes");

	@Autowired
	BugRepository bugs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	private UUID project;

	@BeforeAll
	void bugs() {
		this.api = new Api(baseUrl(), this.json);
		Api.TestUser ann = this.api.newUser("Ann");
		this.project = UUID.fromString(this.api.newProject(ann).get("id").asString());
		// 300 bugs over ~3.5 days of updates (ties in threes) and ~4.8 days of filings,
		// updated in another order than filed
		this.jdbc.sql("""
				insert into bugs (id, project_id, number, title, description, severity, priority, status, reporter_id,
				    created_at, updated_at)
				select gen_random_uuid(), :project, n, 'Bug ' || n,
				       concat_ws(' ', case when (n <= 90 and n % 4 = 1) or n % 29 = 0 then 'walrus' end,
				                 case when n % 2 = 0 then 'heron' end,
				                 case when n <= 60 and (n * 7) % 300 < 90 then 'osprey' end, 'text'),
				       'medium', 'P2', 'open', :reporter,
				       cast(:t0 as timestamptz) + n * interval '23 minutes',
				       cast(:t0 as timestamptz) + ((n * 7) % 300 / 3) * interval '50 minutes'
				from generate_series(1, 300) n
				""")
			.param("project", this.project)
			.param("reporter", ann.id())
			.param("t0", java.sql.Timestamp.from(T0))
			.update();
		this.jdbc.sql("analyze bugs").update();
	}

	/** The matches in sort order, sorted by PostgreSQL without any index's order. */
	private List<UUID> expected(String words, BugSort sort) {
		String dir = sort.ascending() ? " asc" : " desc";
		return this.jdbc
			.sql("select b.id from bugs b where b.project_id = :project and b.fulltext @@ websearch_to_tsquery("
					+ "'english', :words) order by " + sort.expression() + " + interval '0 seconds'" + dir + ", b.id"
					+ dir)
			.param("project", this.project)
			.param("words", words)
			.query(UUID.class)
			.list();
	}

	private static BugFilter text(String words) {
		return BugFilter.builder().text(words).build();
	}

	@Test
	void theWalkAndTheBandsAfterItPageThroughEveryMatchInOrder() {
		for (String words : WORDS) {
			for (BugSort sort : TIME_SORTS) {
				List<UUID> expected = expected(words, sort);
				for (int walk : List.of(1, 4, 40, 2000)) {
					assertThat(chain(sort, after -> this.bugs.list(this.project, text(words), sort, after, 8, 3, walk)))
						.as(words + " " + sort + " walk " + walk)
						.isEqualTo(expected);
				}
			}
		}
		assertThat(expected("walrus", BugSort.UPDATED_DESC)).hasSizeGreaterThan(20);
		assertThat(expected("heron", BugSort.UPDATED_DESC)).hasSize(150);
		assertThat(expected("osprey", BugSort.UPDATED_DESC)).hasSize(25);
	}

	/**
	 * Day by day (one, two, sixteen or 256 days: the bugs span five), then bands from
	 * sixteen times those days (all time after 256): every page chain equals PostgreSQL's
	 * sort of all matches, including a word whose matches are all days older than the
	 * newest bugs and a word with no match.
	 */
	@Test
	void dayByDayThenBandsPageThroughEveryMatchInOrder() {
		for (String words : WORDS) {
			for (BugSort sort : TIME_SORTS) {
				List<UUID> expected = expected(words, sort);
				for (int days : List.of(1, 2, 16, 256)) {
					assertThat(
							chain(sort, after -> this.bugs.newestDays(this.project, text(words), sort, after, 8, days)))
						.as(words + " " + sort + " " + days + " days")
						.isEqualTo(expected);
				}
			}
		}
	}

	/**
	 * The days alone hold a prefix of the order: for every day count, the rows are the
	 * first matches, and with enough days all of them.
	 */
	@Test
	void theDaysHoldAPrefixOfTheOrder() {
		for (String words : WORDS) {
			for (BugSort sort : TIME_SORTS) {
				List<UUID> expected = expected(words, sort);
				for (int days = 1; days <= 6; days++) {
					int n = days;
					List<UUID> rows = this.tx
						.execute(s -> this.bugs.rows(BugListQuery.days(this.project, text(words), sort, null, 1000, n)))
						.stream()
						.map(BugRow::id)
						.toList();
					assertThat(rows).as(words + " " + sort + " " + days + " days")
						.isEqualTo(expected.subList(0, rows.size()));
					if (days == 6) {
						assertThat(rows).as(words + " " + sort).isEqualTo(expected);
					}
				}
			}
		}
	}

	/**
	 * Each day is an exact entry of the texts' GIN index, searched with the words: no
	 * range of days, no B-tree on the times.
	 */
	@Test
	void theDaysAreExactEntriesOfTheTextsIndex() {
		for (BugSort sort : List.of(BugSort.UPDATED_DESC, BugSort.CREATED_ASC)) {
			QueryPlan plan = QueryPlan.explain(this.jdbc, this.tx,
					db -> new BugRepository(db, this.json)
						.rows(BugListQuery.days(this.project, text("osprey"), sort, null, 8, 16)),
					"set local enable_seqscan = off");
			String column = sort.field() + "_at";
			List<QueryPlan.Node> scans = plan.root()
				.all()
				.filter(n -> "bugs_fulltext_days_idx".equals(n.index()))
				.toList();
			assertThat(scans).as(plan.toString())
				.isNotEmpty()
				.allMatch(n -> n.searchesBy("fulltext") && n.searchesBy(column)
						&& n.indexCond().matches("(?s).*date = .*") && !n.indexCond().matches("(?s).*date [<>].*"));
			// the times' B-trees only for the first key (by project, limit 1), never
			// searched by a time
			assertThat(plan.root()
				.all()
				.filter(n -> n.index() != null && !"bugs_fulltext_days_idx".equals(n.index()))
				.noneMatch(n -> n.searchesBy(column) || n.searchesBy("fulltext"))).as(plan.toString()).isTrue();
		}
	}

	@Test
	void bandsOfADayOfLessThanADayAndOfSeveralDaysHoldTheSamePages() {
		for (String words : WORDS) {
			for (BugSort sort : TIME_SORTS) {
				List<UUID> expected = expected(words, sort);
				for (Duration width : List.of(Duration.ofHours(2), Duration.ofDays(1), Duration.ofHours(30),
						Duration.ofDays(3))) {
					for (int cap : List.of(1000, 6)) {
						assertThat(chain(sort,
								after -> this.bugs.newestMatches(this.project, text(words), sort, after, 8, width,
										cap)))
							.as(words + " " + sort + " from " + width + ", cap " + cap)
							.isEqualTo(expected);
					}
				}
			}
		}
	}

	/**
	 * One band holds exactly the matches after the cursor up to its edge, whether its
	 * days are one, two (across midnight) or more.
	 */
	@Test
	void aBandHoldsTheMatchesUpToItsEdge() {
		for (BugSort sort : TIME_SORTS) {
			List<BugRow> all = this.bugs.rows(BugListQuery.build(this.project, text("heron"), sort, null, 1000));
			Cursor after = BugListQuery.cursorAfter(all.get(9), sort);
			Instant start = time(all.get(10), sort);
			for (Duration width : List.of(Duration.ofMinutes(70), Duration.ofHours(20), Duration.ofHours(40))) {
				Instant edge = sort.ascending() ? start.plus(width) : start.minus(width);
				List<UUID> inside = all.stream()
					.skip(10)
					.filter(row -> sort.ascending() ? !time(row, sort).isAfter(edge) : !time(row, sort).isBefore(edge))
					.map(BugRow::id)
					.toList();
				List<BugRow> band = this.tx.execute(s -> this.bugs
					.rows(BugListQuery.band(this.project, text("heron"), sort, after, 1000, start, width, 1000)));
				assertThat(band.stream().map(BugRow::id).toList()).as(sort + " " + width)
					.isNotEmpty()
					.isEqualTo(inside);
			}
		}
	}

	/**
	 * The walk's page comes straight from the walk: the bugs are read once, in the sort's
	 * order, not looked up again by id.
	 */
	@Test
	void theWalkReadsEachBugOnce() {
		QueryPlan plan = QueryPlan.explain(this.jdbc, this.tx,
				db -> new BugRepository(db, this.json)
					.rows(BugListQuery.window(this.project, text("heron"), BugSort.UPDATED_DESC, null, 26, 2000)),
				"set local enable_seqscan = off");
		assertThat(plan.root().all().filter(n -> "bugs".equals(n.table())).count()).as(plan.toString()).isEqualTo(1);
	}

	private static Instant time(BugRow row, BugSort sort) {
		return sort.field().equals("created") ? row.stamps().createdAt() : row.stamps().updatedAt();
	}

	/** Pages of 7 (8 read), each after the last one's cursor. */
	private List<UUID> chain(BugSort sort, Function<Cursor, List<BugRow>> page) {
		List<UUID> all = new ArrayList<>();
		Cursor after = null;
		for (int pages = 0; pages < 200; pages++) {
			Cursor cursor = after;
			List<BugRow> rows = this.tx.execute(s -> page.apply(cursor));
			all.addAll(rows.subList(0, Math.min(7, rows.size())).stream().map(BugRow::id).toList());
			if (rows.size() <= 7) {
				return all;
			}
			after = BugListQuery.cursorAfter(rows.get(6), sort);
		}
		throw new AssertionError("more than 200 pages");
	}

}
