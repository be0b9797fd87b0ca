package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.fixpoint.platform.Cursor;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.QueryPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BugListApiTest extends IntegrationTest {

	private TestUser ann, dev;

	private String key;

	@Autowired
	BugRepository bugs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	/**
	 * A project of 400 bugs inserted directly: older numbers were created and updated
	 * earlier.
	 */
	private UUID big;

	private String bigKey;

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@BeforeAll
	void fileBugs() {
		this.api = new Api(baseUrl(), this.json);
		this.ann = this.api.newUser("Ann");
		this.dev = this.api.newUser("Dev");
		this.key = this.api.newProject(this.ann).get("key").asString();
		this.api.addMember(this.ann, this.key, this.dev, "developer");
		String[] severities = { "critical", "high", "medium", "low" };
		for (int i = 0; i < 12; i++) {
			Map<String, Object> bug = Api.body("title", "Payment fails case " + i, "severity", severities[i % 4],
					"priority", "P" + (i % 4), "tags", i % 3 == 0 ? List.of("flaky", "checkout") : List.of("checkout"),
					"description", i == 7 ? "The invoice PDF renders garbled glyphs" : "Steps in the description",
					"assignee_id", i % 2 == 0 ? this.dev.id().toString() : null, "due_date",
					i < 4 ? "2027-01-0" + (i + 1) : null);
			assertThat(this.api.post("/api/projects/" + this.key + "/bugs", this.ann.token(), bug).status())
				.isEqualTo(201);
		}
		this.api.patch("/api/bugs/" + this.key + "-2", this.ann.token(), Map.of("status", "in_progress"));
		String bigKey = this.api.newProject(this.ann).get("key").asString();
		this.bigKey = bigKey;
		this.big = this.jdbc.sql("select id from projects where key = :key")
			.param("key", bigKey)
			.query(UUID.class)
			.single();
		// updated_at in groups of 4 equal values (ties on the sort key); "mainframe" only
		// in old bugs, "checkout" in every third; due dates on every fifth
		this.jdbc.sql("""
				insert into bugs (id, project_id, number, title, description, severity, priority, status, reporter_id,
				    assignee_id, due_date, created_at, updated_at, resolved_at)
				select gen_random_uuid(), :project, n, 'Bug ' || n,
				       case when n <= 60 and n % 2 = 0 then 'legacy mainframe bridge'
				            when n % 3 = 0 then 'checkout timeout' else 'nothing special' end,
				       (array['critical', 'high', 'medium', 'low'])[1 + n % 4], 'P' || (n % 4),
				       (array['open', 'in_progress', 'closed'])[1 + n % 3], :reporter,
				       case when n % 2 = 0 then cast(:dev as uuid) end,
				       case when n % 5 = 0 then date '2026-01-01' + (n % 40) end,
				       cast(:t0 as timestamptz) + n * interval '1 hour',
				       cast(:t0 as timestamptz) + (n / 4) * interval '3 hours',
				       case when n % 3 = 2 then cast(:t0 as timestamptz) + n * interval '1 day' end
				from generate_series(1, 400) n
				""")
			.param("project", this.big)
			.param("reporter", this.ann.id())
			.param("dev", this.dev.id())
			.param("t0", java.sql.Timestamp.from(T0))
			.update();
		this.jdbc.sql("analyze bugs").update();
	}

	private JsonNode list(String query) {
		Api.Response r = this.api.get("/api/projects/" + this.key + "/bugs?" + query, this.dev.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	private static List<String> keys(JsonNode page) {
		List<String> keys = new ArrayList<>();
		page.get("items").forEach(b -> keys.add(b.get("key").asString()));
		return keys;
	}

	@Test
	void defaultOrderIsMostRecentlyUpdatedFirst() {
		List<String> keys = keys(list(""));
		assertThat(keys).hasSize(12);
		assertThat(keys.get(0)).isEqualTo(this.key + "-2");
	}

	@Test
	void filtersCombine() {
		assertThat(keys(list("severity=critical"))).hasSize(3);
		assertThat(keys(list("severity=critical,high"))).hasSize(6);
		assertThat(keys(list("severity=critical&severity=low&priority=P0"))).hasSize(3);
		assertThat(keys(list("status=in_progress"))).containsExactly(this.key + "-2");
		assertThat(keys(list("assignee=me"))).hasSize(6);
		assertThat(keys(list("assignee=none"))).hasSize(6);
		assertThat(keys(list("assignee=" + this.dev.username() + "&severity=critical"))).hasSize(3);
		assertThat(keys(list("reporter=" + this.ann.username()))).hasSize(12);
		assertThat(keys(list("tag=flaky"))).hasSize(4);
		assertThat(keys(list("tag=flaky&tag=checkout"))).hasSize(4);
		assertThat(keys(list("due_before=2027-01-03"))).hasSize(2);
		assertThat(keys(list("created_from=2000-01-01&created_to=2999-01-01"))).hasSize(12);
		assertThat(keys(list("created_from=2999-01-01"))).isEmpty();
		assertThat(keys(list("q=garbled%20invoice"))).containsExactly(this.key + "-8");
	}

	@Test
	void aResolvedRangeFindsTheBugsResolvedThoseDays() {
		// closed every third: n = 2, 5, 8, 11 resolved on 2026-01-03, -06, -09, -12
		Api.Response r = this.api.get(
				"/api/projects/" + this.bigKey + "/bugs?resolved_from=2026-01-03&resolved_to=2026-01-12&sort=created",
				this.ann.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		assertThat(keys(r.body())).containsExactly(this.bigKey + "-2", this.bigKey + "-5", this.bigKey + "-8",
				this.bigKey + "-11");
		// the query language: resolved:day..day
		Api.Response q = this.api.get(
				"/api/projects/" + this.bigKey + "/search?q=" + java.net.URLEncoder
					.encode("bug resolved:2026-01-03..2026-01-06", java.nio.charset.StandardCharsets.UTF_8),
				this.ann.token());
		assertThat(q.status()).as(q.raw()).isEqualTo(200);
		assertThat(q.body().get("items")).hasSize(2);
		Api.Response bad = this.api.get("/api/projects/" + this.bigKey + "/bugs?resolved_from=someday",
				this.ann.token());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("resolved_from");
	}

	/**
	 * The resolved date in a query of filters alone: a list in the query's sort, with OR,
	 * negation and paging, in a project and across projects.
	 */
	@Test
	void aResolvedDateInAQueryOfFiltersAloneListsTheBugsResolvedThoseDays() {
		// resolved 2026-01-03, -06, -09, -12: n = 2 (medium), 5 (high), 8 (critical), 11
		// (low)
		String inBig = "/api/projects/" + this.bigKey + "/search";
		String days = "resolved:2026-01-03..2026-01-12";
		assertThat(searchKeys(inBig, days + " sort:created")).containsExactly(big(2), big(5), big(8), big(11));
		assertThat(searchKeys(inBig, days + " severity:critical OR severity:high sort:created")).containsExactly(big(5),
				big(8));
		assertThat(searchKeys(inBig, days + " -severity:low sort:-created")).containsExactly(big(8), big(5), big(2));
		assertThat(searchKeys(inBig, "-resolved:>2026-01-06 sort:created")).as("bugs never resolved never match")
			.containsExactly(big(2), big(5));
		// across the caller's two projects (the small one has no resolved bug), a page of
		// 3
		// then the rest
		JsonNode first = search("/api/search", days + " sort:-created", "&limit=3");
		assertThat(hitKeys(first)).containsExactly(big(11), big(8), big(5));
		JsonNode second = search("/api/search", days + " sort:-created",
				"&limit=3&cursor=" + first.get("next_cursor").asString());
		assertThat(hitKeys(second)).containsExactly(big(2));
		assertThat(second.get("next_cursor").isNull()).isTrue();
	}

	private String big(int number) {
		return this.bigKey + "-" + number;
	}

	private List<String> searchKeys(String path, String q) {
		return hitKeys(search(path, q, ""));
	}

	private JsonNode search(String path, String q, String more) {
		Api.Response r = this.api.get(
				path + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + more,
				this.ann.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	private static List<String> hitKeys(JsonNode result) {
		List<String> keys = new ArrayList<>();
		result.get("items").forEach(hit -> keys.add(hit.get("bug").get("key").asString()));
		return keys;
	}

	@Test
	void sortsAreMostImportantFirstWhenDescending() {
		JsonNode bySeverity = list("sort=-severity");
		assertThat(bySeverity.get("items").get(0).get("severity").asString()).isEqualTo("critical");
		assertThat(bySeverity.get("items").get(11).get("severity").asString()).isEqualTo("low");
		JsonNode byPriority = list("sort=priority");
		assertThat(byPriority.get("items").get(0).get("priority").asString()).isEqualTo("P3");
		assertThat(keys(list("sort=created")).get(0)).isEqualTo(this.key + "-1");
		assertThat(keys(list("sort=due")).get(0)).isEqualTo(this.key + "-1");
		assertThat(keys(list("sort=-due")).get(0)).isEqualTo(this.key + "-4");
	}

	@Test
	void keysetPaginationVisitsEveryBugOnceInEverySort() {
		for (String sort : List.of("-updated", "updated", "created", "-created", "priority", "-priority", "severity",
				"-severity", "due", "-due")) {
			Set<String> seen = new HashSet<>();
			String cursor = null;
			int pages = 0;
			do {
				JsonNode page = list("limit=5&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
				keys(page).forEach(k -> assertThat(seen.add(k)).as("duplicate " + k + " in " + sort).isTrue());
				cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
				pages++;
			}
			while (cursor != null);
			assertThat(seen).as(sort).hasSize(12);
			assertThat(pages).isEqualTo(3);
		}
	}

	@Test
	void badFiltersAreClear400s() {
		for (String query : List.of("severity=huge", "priority=P9", "status=nope", "assignee=nobody-at-all",
				"sort=title", "limit=0", "limit=101", "cursor=%25%25%25", "cursor=bm9wZQ", "created_from=yesterday",
				"due_before=31.12.2026")) {
			Api.Response r = this.api.get("/api/projects/" + this.key + "/bugs?" + query, this.dev.token());
			assertThat(r.status()).as(query).isEqualTo(400);
			assertThat(r.header("Content-Type")).as(query).startsWith("application/problem+json");
			assertThat(r.body().get("errors").size()).as(query).isPositive();
		}
	}

	/**
	 * Filters whose walk in sort order may meet many non-matching bugs
	 * (BugListQuery.walkMayMiss).
	 */
	private List<BugFilter> hardFilters() {
		Instant from = T0.plusSeconds(3600 * 100), to = T0.plusSeconds(3600 * 160);
		return List.of(BugFilter.builder().created(from, to).build(),
				BugFilter.builder().created(null, to).statuses(List.of("open"), List.of()).build(),
				BugFilter.builder()
					.created(from, null)
					.assignees(List.of(this.dev.id()), false, List.of(), false)
					.build(),
				BugFilter.builder().updated(T0.plusSeconds(3600 * 30), T0.plusSeconds(3600 * 90)).build(),
				BugFilter.builder().due(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-30")).build(),
				BugFilter.builder().text("mainframe").build(), BugFilter.builder().text("checkout").build(),
				BugFilter.builder()
					.text("checkout")
					.created(from, null)
					.severities(List.of(Severity.LOW), List.of())
					.build(),
				BugFilter.builder().text("kubernetes").build(),
				BugFilter.builder().resolved(T0.plusSeconds(86400 * 30), T0.plusSeconds(86400 * 90)).build());
	}

	@Test
	void everyPlanOfAHardFilterPagesThroughExactlyThePlainFiltersRows() {
		for (BugFilter filter : hardFilters()) {
			for (BugSort sort : BugSort.values()) {
				List<UUID> expected = ids(this.bugs.rows(BugListQuery.build(this.big, filter, sort, null, 1000)));
				String what = sort + " " + filter;
				assertThat(chain(sort, after -> this.bugs.list(this.big, filter, sort, after, 8))).as(what)
					.isEqualTo(expected);
				// tiny windows: a failed walk, then all matches
				assertThat(chain(sort, after -> this.bugs.list(this.big, filter, sort, after, 8, 3, 8))).as(what)
					.isEqualTo(expected);
				assertThat(chain(sort, after -> this.bugs.list(this.big, filter, sort, after, 8, 40, 40))).as(what)
					.isEqualTo(expected);
				// a text: a walk of 2 bugs, then bands
				assertThat(chain(sort, after -> this.bugs.list(this.big, filter, sort, after, 8, 3, 2))).as(what)
					.isEqualTo(expected);
				assertThat(chain(sort,
						after -> this.bugs.rows(BugListQuery.sortedMatches(this.big, filter, sort, after, 8))))
					.as(what)
					.isEqualTo(expected);
			}
		}
	}

	/**
	 * A word whose matches all lie behind newer bugs ("mainframe": 30 of the oldest 60):
	 * after a short walk, its matches are read in bands of time, and every page is still
	 * the plain filter's, ties on the sort key included.
	 */
	@Test
	void aWordWhoseMatchesAreAllOldIsReadBandByBandWithTheSamePages() {
		BugFilter filter = BugFilter.builder().text("mainframe").build();
		for (BugSort sort : List.of(BugSort.UPDATED_DESC, BugSort.UPDATED_ASC, BugSort.CREATED_DESC,
				BugSort.CREATED_ASC)) {
			List<UUID> expected = ids(this.bugs.rows(BugListQuery.build(this.big, filter, sort, null, 1000)));
			assertThat(expected).as(sort.param()).hasSize(30);
			for (int walk : List.of(1, 2, 5)) {
				assertThat(chain(sort, after -> this.bugs.list(this.big, filter, sort, after, 8, 3, walk)))
					.as(sort + " walk " + walk)
					.isEqualTo(expected);
			}
			// bands that widen from an hour, and narrow when they hold more than 9
			// matches
			assertThat(chain(sort, after -> this.bugs.newestMatches(this.big, filter, sort, after, 8,
					java.time.Duration.ofHours(1), 9)))
				.as(sort + " narrow bands")
				.isEqualTo(expected);
		}
	}

	/**
	 * A band holds the matches up to its edge in sort order and nothing past it, and says
	 * how many it read: a page when it holds one (the first matches overall), fewer when
	 * it does not, and a page that is not to be used when it holds more than its cap.
	 */
	@Test
	void aBandReadsOnlyTheMatchesUpToItsEdge() {
		BugFilter filter = BugFilter.builder().text("mainframe").build();
		BugSort sort = BugSort.UPDATED_DESC;
		List<BugRow> all = this.bugs.rows(BugListQuery.build(this.big, filter, sort, null, 1000));
		// updated_at = T0 + (n / 4) * 3 h; mainframe in the even n <= 60
		Cursor after = BugListQuery.cursorAfter(all.get(0), sort);
		Instant start = all.get(1).stamps().updatedAt();
		java.time.Duration wide = java.time.Duration.ofHours(15);
		java.time.Duration narrow = java.time.Duration.ofHours(3);
		List<UUID> afterFirst = ids(all.subList(1, all.size()));
		List<BugRow> wideBand = this.tx
			.execute(s -> this.bugs.newestMatches(this.big, filter, sort, after, 8, wide, 1000));
		assertThat(ids(wideBand)).isEqualTo(afterFirst.subList(0, 8));
		// too narrow for a page: widened; too many for a cap of 12: narrowed
		List<BugRow> widened = this.tx
			.execute(s -> this.bugs.newestMatches(this.big, filter, sort, after, 8, narrow, 1000));
		assertThat(ids(widened)).isEqualTo(afterFirst.subList(0, 8));
		List<BugRow> narrowed = this.tx
			.execute(s -> this.bugs.newestMatches(this.big, filter, sort, after, 8, wide, 12));
		assertThat(ids(narrowed)).isEqualTo(afterFirst.subList(0, 8));
		List<BugRow> band = this.bugs.rows(BugListQuery.band(this.big, filter, sort, after, 8, start, narrow, 1000));
		assertThat(ids(band)).hasSize(4)
			.isEqualTo(ids(all.stream()
				.skip(1)
				.filter(row -> !row.stamps().updatedAt().isBefore(start.minus(narrow)))
				.toList()));
	}

	/**
	 * A band reads its days from the texts' GIN index (V63: words and the day of each
	 * time), the exact edge only on the matching rows: a band costs the index entries of
	 * its days and a heap page per match inside them, never a page per bug of the band or
	 * per match of the words (bench/sql/README.md finding 23).
	 */
	@Test
	void aBandReadsTheDaysOfItsEdgeFromTheTextsIndex() {
		BugFilter filter = BugFilter.builder().text("mainframe").build();
		for (BugSort sort : List.of(BugSort.UPDATED_DESC, BugSort.CREATED_ASC)) {
			Instant start = sort.ascending() ? T0 : T0.plus(java.time.Duration.ofDays(40));
			QueryPlan plan = QueryPlan.explain(this.jdbc, this.tx,
					db -> new BugRepository(db, this.json).rows(BugListQuery.band(this.big, filter, sort, null, 8,
							start, java.time.Duration.ofDays(2), 50)),
					"set local enable_seqscan = off", "set local enable_indexscan = off");
			String column = sort.field() + "_at";
			assertThat(plan).as(sort.param())
				.matches(p -> p.root()
					.all()
					.anyMatch(n -> "bugs_fulltext_days_idx".equals(n.index()) && n.searchesBy("fulltext")
							&& n.searchesBy(column)),
						"words and the band's days in one GIN index condition")
				.matches(
						p -> !p.root()
							.all()
							.anyMatch(n -> n.index() != null && n.index().matches("bugs_.*(updated|created).*")),
						"no B-tree on the times");
		}
	}

	/**
	 * Filters alone across projects (search): each project's walk in one statement, or
	 * each project's list merged, pages through exactly the rows of all projects sorted.
	 */
	@Test
	void filtersAcrossProjectsPageThroughEveryProjectsRowsInOneOrder() {
		UUID small = this.jdbc.sql("select id from projects where key = :key")
			.param("key", this.key)
			.query(UUID.class)
			.single();
		List<UUID> both = List.of(small, this.big);
		List<BugFilter> filters = new ArrayList<>(
				List.of(BugFilter.builder().build(), BugFilter.builder().statuses(List.of("open"), List.of()).build(),
						BugFilter.builder().severities(List.of(Severity.CRITICAL, Severity.LOW), List.of()).build(),
						BugFilter.builder().anyTags(List.of("flaky", "nope")).build(),
						BugFilter.builder()
							.resolved(T0.plus(java.time.Duration.ofDays(2)), T0.plus(java.time.Duration.ofDays(12)))
							.build()));
		filters.add(hardFilters().get(0));
		for (BugFilter filter : filters) {
			for (BugSort sort : BugSort.values()) {
				List<UUID> expected = ids(both.stream()
					.flatMap(p -> this.bugs.rows(BugListQuery.build(p, filter, sort, null, 1000)).stream())
					.sorted(BugListQuery.rowOrder(sort))
					.toList());
				assertThat(chain(sort, after -> this.bugs.listAcross(both, filter, sort, after, 8)))
					.as(sort + " " + filter)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void filtersAcrossProjectsWalkEachProjectsSortIndex() {
		UUID small = this.jdbc.sql("select id from projects where key = :key")
			.param("key", this.key)
			.query(UUID.class)
			.single();
		// filters no other index serves better than the sort's (the planner's choice
		// otherwise depends on the table's size: bench/sql/search for 1M bugs)
		// (is:open is not one since bugs here are resolved: the partial index of open
		// bugs
		// serves it, and the planner may read that one and sort)
		BugFilter notTagged = BugFilter.builder().tags(List.of(), List.of("nope")).build();
		Map<BugSort, BugFilter> cases = Map.of(BugSort.UPDATED_DESC,
				BugFilter.builder().statuses(List.of("open"), List.of()).build(), BugSort.SEVERITY_DESC, notTagged,
				BugSort.PRIORITY_DESC, notTagged);
		for (BugSort sort : cases.keySet()) {
			BugListQuery query = BugListQuery.across(List.of(small, this.big), cases.get(sort), sort, null, 26);
			plan(query);
			// run: the big project's bugs are not all read (a walk in sort order stops at
			// the page)
			QueryPlan run = QueryPlan.analyze(this.jdbc, this.tx, db -> new BugRepository(db, this.json).rows(query),
					"set local enable_seqscan = off");
			assertThat(run).as(run.toString())
				.matches(p -> p.root()
					.all()
					.anyMatch(n -> "bugs".equals(n.table()) && n.searchesBy("project_id")
							&& n.type().startsWith("Index")),
						"an index searched by project")
				.matches(p -> p.root()
					.all()
					.filter(n -> "bugs".equals(n.table()) && n.searchesBy("project_id"))
					.allMatch(n -> n.rowsRead() < 100), "each project's walk stops at the page");
		}
	}

	@Test
	void aRangeOnAnotherColumnOrATextIsReadFromItsOwnIndex() {
		this.jdbc.sql("analyze bugs").update();
		List<BugFilter> hard = hardFilters();
		// ids first: the range (or the text) is an index condition, never a filter on a
		// scan of the project; a created range is read from V12's covering index alone
		assertThat(plan(BugListQuery.sortedMatches(this.big, hard.get(0), BugSort.UPDATED_DESC, null, 26))).matches(
				p -> p.root()
					.all()
					.anyMatch(n -> n.type().equals("Index Only Scan") && "bugs".equals(n.table())
							&& n.searchesBy("project_id") && n.searchesBy("created_at")),
				"created range read index-only");
		assertThat(plan(BugListQuery.sortedMatches(this.big, hard.get(3), BugSort.CREATED_DESC, null, 26)))
			.matches(p -> p.indexConditionOn("bugs", "updated_at"), "updated range in an index condition");
		assertThat(plan(BugListQuery.sortedMatches(this.big, hard.get(4), BugSort.UPDATED_DESC, null, 26)))
			.matches(p -> p.indexConditionOn("bugs", "due_date"), "due range in an index condition");
		assertThat(plan(BugListQuery.sortedMatches(this.big, hard.get(9), BugSort.UPDATED_DESC, null, 26)))
			.matches(p -> p.indexConditionOn("bugs", "resolved_at"), "resolved range in an index condition");
		// a text: GIN or the project's bugs, by cost (on 100k bugs GIN); never a walk in
		// the order of an index: the matches are sorted before the limit keeps the page's
		// ids
		QueryPlan text = plan(BugListQuery.sortedMatches(this.big, hard.get(5), BugSort.UPDATED_DESC, null, 26));
		assertThat(text.root().all().filter(n -> n.type().equals("Limit")).toList()).as(text.toString())
			.isNotEmpty()
			.allMatch(limit -> limit.all().anyMatch(n -> n.type().equals("Sort")), "a sort below the limit");
		// the bounded walk walks the sort's index (on 100k bugs: index-only,
		// bench/sql/lists)
		assertThat(plan(BugListQuery.window(this.big, hard.get(1), BugSort.UPDATED_DESC, null, 26, 20_000))).matches(
				p -> p.walksIndex("bugs_project_updated_idx") || p.walksIndex("bugs_updated_idx"),
				"walks an index in updated order");
	}

	/**
	 * The plan of the list's statement (BugRepository.rows); it fails if it scans bugs
	 * sequentially.
	 */
	private QueryPlan plan(BugListQuery query) {
		QueryPlan plan = QueryPlan.explain(this.jdbc, this.tx, db -> new BugRepository(db, this.json).rows(query),
				"set local enable_seqscan = off");
		assertThat(plan).matches(p -> !p.seqScanOn("bugs"), "no sequential scan of bugs");
		return plan;
	}

	/**
	 * The ids of every page, each page read after the cursor of the previous one's last
	 * row.
	 */
	private List<UUID> chain(BugSort sort, Function<Cursor, List<BugRow>> page) {
		List<UUID> all = new ArrayList<>();
		Cursor after = null;
		for (int pages = 0; pages < 200; pages++) {
			Cursor cursor = after;
			List<BugRow> rows = this.tx.execute(s -> page.apply(cursor));
			all.addAll(ids(rows.subList(0, Math.min(7, rows.size()))));
			if (rows.size() <= 7) {
				return all;
			}
			after = BugListQuery.cursorAfter(rows.get(6), sort);
		}
		throw new AssertionError("more than 200 pages");
	}

	private static List<UUID> ids(List<BugRow> rows) {
		return rows.stream().map(BugRow::id).toList();
	}

}
