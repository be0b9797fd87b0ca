package dev.fixpoint.bugs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.QueryPlans;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.fixpoint.bugs.BugRowMapper.COLUMNS;

@Repository
class BugRepository {

	private final JdbcClient jdbc;

	private final BugRowMapper mapper;

	BugRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.mapper = new BugRowMapper(json);
	}

	/**
	 * A new bug's own rows in one statement: the bug, its rendered report
	 * ({@code bug_texts_html}) and, for a filing made elsewhere ({@code via}: Slack), the
	 * history's {@code reported} entry, and the other modules' rows of a new bug
	 * ({@code others}: {@link FiledBugRows}, CTEs over {@code bug}), its number drawn by
	 * the same statement ({@code slot}: a CTE {@code slot} of one row with a column
	 * {@code number}; {@code bug.number()} is not read). One round trip and one statement
	 * instead of seven or eight (bench/sql/README.md, "Filing: the bug's rows in one
	 * statement", "Filing: other modules' rows in the bug's statement").
	 * @return the bug's number, or empty when {@code slot} was empty: then nothing was
	 * written
	 */
	Optional<Integer> insert(BugRow bug, BugTexts.Rendering report, Via via, FiledBugRows.Rows slot,
			List<FiledBugRows.Rows> others) {
		QueryPlans.genericForTransaction(this.jdbc);
		String history = via == null ? "" : """
				, reported as (
				    insert into bug_history (bug_id, user_id, field, old_value, new_value, created_at, via)
				    select id, :reporterId, 'reported', null, null, :now, :via from bug
				)
				""";
		return this.jdbc
			.sql("with " + slot.ctes()
					+ """
							, bug as (
							    insert into bugs (id, project_id, number, title, description, steps_to_reproduce, expected_behavior,
							        actual_behavior, environment, severity, priority, status, reporter_id, assignee_id, component_id,
							        tags, due_date, sla_due_at, sla_state, fixed_in, affects, created_at, updated_at)
							    select :id, :projectId, slot.number, :title, :description, :steps, :expected, :actual,
							        cast(:environment as jsonb), :severity, :priority, :status, :reporterId, :assigneeId,
							        :componentId, cast(:tags as text[]), :dueDate, :slaDueAt, :slaState, :fixedIn, :affects, :now,
							        :now
							    from slot
							    returning number, %s
							), texts as (
							    insert into bug_texts_html (bug_id, source_hash, renderer, description, steps_to_reproduce,
							        expected_behavior, actual_behavior)
							    select id, :hash, :renderer, :htmlDescription, :htmlSteps, :htmlExpected, :htmlActual from bug
							)
							"""
						.formatted(FiledBugRows.COLUMNS)
					+ history + others(others) + """
							select number from bug
							""")
			.param("id", bug.id())
			.param("projectId", bug.projectId())
			.params(this.mapper.params(bug))
			.param("reporterId", bug.reporterId())
			.param("now", Timestamp.from(bug.stamps().createdAt()))
			.param("hash", report.sourceHash())
			.param("renderer", report.renderer())
			.param("htmlDescription", report.html().description().html())
			.param("htmlSteps", report.html().stepsToReproduce().html())
			.param("htmlExpected", report.html().expectedBehavior().html())
			.param("htmlActual", report.html().actualBehavior().html())
			.param("via", via == null ? null : via.key())
			.params(othersParams(
					java.util.stream.Stream.concat(java.util.stream.Stream.of(slot), others.stream()).toList(), bug))
			.query(Integer.class)
			.optional();
	}

	/**
	 * A number drawn before ({@code ProjectAccess.nextBug}) as the insert's {@code slot}.
	 */
	static FiledBugRows.Rows drawn(int number) {
		return new FiledBugRows.Rows("slot as (select cast(:slot_number as integer) as number)",
				Map.of("slot_number", number));
	}

	/** The other modules' CTEs ({@link FiledBugRows}), each after a comma. */
	private static String others(List<FiledBugRows.Rows> others) {
		StringBuilder ctes = new StringBuilder();
		others.forEach(rows -> ctes.append(", ").append(rows.ctes()).append('\n'));
		return ctes.toString();
	}

	private static final java.util.Set<String> OWN_PARAMS = java.util.Set.of("id", "projectId", "reporterId", "now",
			"hash", "renderer", "htmlDescription", "htmlSteps", "htmlExpected", "htmlActual", "via");

	/**
	 * The other modules' parameters; one named like the bug's own or another module's is
	 * a mistake of its module, refused.
	 */
	private Map<String, Object> othersParams(List<FiledBugRows.Rows> others, BugRow bug) {
		java.util.Set<String> taken = new java.util.HashSet<>(OWN_PARAMS);
		taken.addAll(this.mapper.params(bug).keySet());
		Map<String, Object> params = new java.util.HashMap<>();
		for (FiledBugRows.Rows rows : others) {
			rows.params().forEach((name, value) -> {
				if (!taken.add(name)) {
					throw new IllegalStateException("Filing parameter :" + name + " is taken");
				}
				params.put(name, value);
			});
		}
		return params;
	}

	/**
	 * Bumps the version only if it is still {@code expectedVersion}: one row, or a
	 * concurrent edit won.
	 */
	boolean update(BugRow bug, int expectedVersion) {
		return this.jdbc.sql("""
				update bugs set title = :title, description = :description, steps_to_reproduce = :steps,
				    expected_behavior = :expected, actual_behavior = :actual, environment = cast(:environment as jsonb),
				    severity = :severity, priority = :priority, status = :status, resolution = :resolution,
				    assignee_id = :assigneeId, component_id = :componentId, tags = cast(:tags as text[]),
				    due_date = :dueDate, verified_by = :verifiedBy, resolved_at = :resolvedAt, closed_at = :closedAt,
				    duplicate_of = :duplicateOf, fixed_in = :fixedIn, affects = :affects,
				    version = version + 1, updated_at = :now
				where id = :id and version = :version
				""")
			.param("id", bug.id())
			.param("version", expectedVersion)
			.params(this.mapper.params(bug))
			.param("now", Timestamp.from(bug.stamps().updatedAt()))
			.update() == 1;
	}

	/** Keys ({@code WEB-42}) of bugs by id, for links such as "duplicate of". */
	Map<UUID, String> findKeys(java.util.Collection<UUID> ids) {
		Map<UUID, String> keys = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("select b.id, p.key || '-' || b.number as key from bugs b join projects p on p.id = b.project_id "
						+ "where b.id in (:ids)")
				.param("ids", ids)
				.query((rs, n) -> keys.put(rs.getObject("id", UUID.class), rs.getString("key")))
				.list();
		}
		return keys;
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from bugs where id = :id").param("id", id).update();
	}

	Optional<BugRow> findById(UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from bugs b join projects p on p.id = b.project_id where b.id = :id")
			.param("id", id)
			.query(this.mapper)
			.optional();
	}

	record VersionAndHistory(long version, int history) {
	}

	/**
	 * The bug's version and how many history entries it has, internal notes' only if
	 * {@code internal} (a live page asks whether it changed).
	 */
	Optional<VersionAndHistory> findVersionAndHistory(UUID id, boolean internal) {
		return this.jdbc.sql("""
				select b.version,
				       (select count(*) from bug_history h where h.bug_id = b.id and %s) as history
				from bugs b where b.id = :id
				""".formatted(VISIBLE_HISTORY))
			.param("id", id)
			.param("internal", internal)
			.query(VersionAndHistory.class)
			.optional();
	}

	/**
	 * The history entries a reader sees: internal notes' ({@code internal_note_*}) only
	 * if {@code :internal}. One rule for the timeline and the count a live page compares
	 * with it.
	 */
	private static final String VISIBLE_HISTORY = "(:internal or not starts_with(h.field, 'internal_note'))";

	/** The bugs of these ids that are in these projects (others are left out). */
	List<BugRow> findAllIn(java.util.Collection<UUID> ids, java.util.Collection<UUID> projectIds) {
		if (ids.isEmpty() || projectIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS
				+ " from bugs b join projects p on p.id = b.project_id where b.id in (:ids) and b.project_id in (:projects)")
			.param("ids", ids)
			.param("projects", projectIds)
			.query(this.mapper)
			.list();
	}

	record ChangeRow(long id, UUID bugId, String bugKey, String bugTitle, String field, String oldValue,
			String newValue, UUID userId, Instant createdAt) {
	}

	/**
	 * What others changed since {@code since} on the bugs a person reported or is
	 * assigned (in these projects), newest first: the bugs through their (project,
	 * assignee | reporter, updated_at) indexes, only those updated since, then their
	 * history rows. Internal notes are left out.
	 */
	List<ChangeRow> changesOnBugsOf(java.util.Collection<UUID> projectIds, UUID userId, Instant since, int limit) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select h.id, h.bug_id, p.key || '-' || b.number as bug_key, b.title as bug_title, h.field,
				       h.old_value, h.new_value, h.user_id, h.created_at
				from bugs b
				join projects p on p.id = b.project_id
				join bug_history h on h.bug_id = b.id
				where b.project_id in (:projects) and (b.assignee_id = :user or b.reporter_id = :user)
				  and b.updated_at >= :since and h.created_at >= :since
				  and h.user_id is distinct from :user and h.field not like 'internal\\_note\\_%'
				order by h.created_at desc, h.id desc
				limit :limit
				""")
			.param("projects", projectIds)
			.param("user", userId)
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, n) -> new ChangeRow(rs.getLong("id"), rs.getObject("bug_id", UUID.class),
					rs.getString("bug_key"), rs.getString("bug_title"), rs.getString("field"),
					rs.getString("old_value"), rs.getString("new_value"), rs.getObject("user_id", UUID.class),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * Finds a bug by key among the projects the user belongs to (keys are unique per
	 * organization).
	 */
	Optional<BugRow> findByKey(BugKey key, UUID userId) {
		return this.jdbc.sql("select " + COLUMNS + """
				from projects p
				join project_members m on m.project_id = p.id and m.user_id = :user
				join bugs b on b.project_id = p.id and b.number = :number
				where p.key = :key
				order by p.created_at limit 1
				""")
			.param("key", key.projectKey())
			.param("number", key.number())
			.param("user", userId)
			.query(this.mapper)
			.optional();
	}

	/**
	 * The key of the bug one of the user's projects imported under {@code originalKey}
	 * (another tracker's key, any case).
	 */
	Optional<String> findKeyByImportKey(String originalKey, UUID userId) {
		return this.jdbc.sql("""
				select p.key || '-' || b.number
				from bugs b
				join projects p on p.id = b.project_id
				join project_members m on m.project_id = p.id and m.user_id = :user
				where upper(b.import_key) = upper(:key) and b.import_key is not null
				order by b.created_at, b.id limit 1
				""").param("key", originalKey).param("user", userId).query(String.class).optional();
	}

	Optional<BugRow> lockById(UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from bugs b join projects p on p.id = b.project_id where b.id = :id for update of b")
			.param("id", id)
			.query(this.mapper)
			.optional();
	}

	/**
	 * How many bugs a list walks in sort order before it reads the matches of its filters
	 * instead.
	 */
	static final int LIST_WINDOW = 20_000;

	/**
	 * The same with a text filter: each bug walked costs a text match. A failed walk of
	 * 2,000 costs ~1.2 ms where one of 500 cost 0.3 ms, but 500 sent every word found in
	 * 1-5% of the newest bugs on to the days (a page of a fresh set's searches: 594 and
	 * 419 searches/s, bench/README "Quiet run after the ninth passes").
	 */
	static final int TEXT_LIST_WINDOW = 2_000;

	/**
	 * How many days a text's matches are read day by day ({@link BugListQuery#days})
	 * before bands of time take over ({@link #newestDays}). Not more: a probe of a day
	 * costs ~10 µs for a word without entries, but 0.2-0.4 ms when the words have long
	 * posting lists (256 days of {@code deadlock emoji german}: 102 ms, against 12 ms for
	 * the band of 256 days as a range).
	 */
	static final int DAYS = 16;

	/** How much wider each next band is: a rare word reaches all time in four bands. */
	static final int WIDEN = 16;

	/** A band that would be wider than this holds all time instead. */
	static final java.time.Duration WIDEST_BAND = java.time.Duration.ofDays(1000);

	/** The matches a band reads from the heap at most. */
	static final int BAND_CAP = 4_000;

	/** How many bands a page reads at most before it sorts all matches. */
	static final int MAX_BANDS = 16;

	/** Wider than any project's history: a band this wide holds all of it. */
	static final java.time.Duration ALL_TIME = java.time.Duration.ofDays(200 * 365);

	/**
	 * A page of the filtered list. When walking the sort's index may meet many
	 * non-matching bugs in a way estimates do not show (a text, a date range on another
	 * column: {@link BugListQuery#walkMayMiss}), the data decides (bench/sql/README.md
	 * findings 13-15, 22). A range: fewer than half a window of matches (a capped count,
	 * index-only in the V12 indexes) are read and sorted; more are walked for at most
	 * {@link #LIST_WINDOW} bugs, then read and sorted. A text: a walk of
	 * {@link #TEXT_LIST_WINDOW} bugs, then (sorted by created or updated) its matches in
	 * bands of time ({@link #newestMatches}), else all its matches from the GIN index,
	 * sorted. Every shape returns the same rows.
	 */
	List<BugRow> list(UUID projectId, BugFilter filter, BugSort sort, Cursor after, int limit) {
		return list(projectId, filter, sort, after, limit, LIST_WINDOW, TEXT_LIST_WINDOW);
	}

	/**
	 * {@link #list} with other window sizes (tests use tiny ones to reach every shape).
	 */
	List<BugRow> list(UUID projectId, BugFilter filter, BugSort sort, Cursor after, int limit, int listWindow,
			int textWindow) {
		if (BugListQuery.oneIndexServes(filter, sort)) {
			// the same plan for every project and value: no forced custom plan, and a
			// literal limit so that auto reuses the generic plan (bench/sql/README.md
			// finding 24)
			return rows(BugListQuery.reusable(projectId, filter, sort, after, limit));
		}
		QueryPlans.customForTransaction(this.jdbc);
		if (!BugListQuery.walkMayMiss(filter, sort)) {
			return rows(BugListQuery.build(projectId, filter, sort, after, limit));
		}
		boolean text = filter.hasText();
		// not for a text: the planner counts a common word's matches by walking the
		// newest bugs, the trap itself
		if (text || count(projectId, filter, listWindow / 2) >= listWindow / 2) {
			List<BugRow> rows = rows(
					BugListQuery.window(projectId, filter, sort, after, limit, text ? textWindow : listWindow));
			if (rows.size() >= limit) {
				return rows;
			}
		}
		if (text && sort.sqlType().equals("timestamptz")) {
			return newestDays(projectId, filter, sort, after, limit, DAYS);
		}
		noParallelWorkers();
		return rows(BugListQuery.sortedMatches(projectId, filter, sort, after, limit));
	}

	/**
	 * Parallel workers cost more to start than they save for one page
	 * (bench/sql/README.md finding 15).
	 */
	private void noParallelWorkers() {
		this.jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true)").query(String.class).single();
	}

	/**
	 * A text's first matches in created or updated order: day by day for {@code days}
	 * days from the first bug after the cursor (one statement,
	 * {@link BugListQuery#days}), then, if those days hold less than a page, band by band
	 * from {@link #WIDEN} times those days, all time past {@link #WIDEST_BAND}
	 * ({@link #newestMatches}: a band is a prefix of the order from the same first bug,
	 * so it holds the days' matches again; one with too many matches narrows back towards
	 * the days). A word whose matches are days or weeks old (the benchmark's
	 * {@code dashboard} after a burst of filings) costs one statement of a few GIN probes
	 * where it took four (bench/sql/README.md, "a text's matches day by day").
	 */
	List<BugRow> newestDays(UUID projectId, BugFilter filter, BugSort sort, Cursor after, int limit, int days) {
		List<BugRow> rows = rows(BugListQuery.days(projectId, filter, sort, after, limit, days));
		if (rows.size() >= limit) {
			return rows;
		}
		// the days reach back at least days - 1 whole days from the first bug
		java.time.Duration searched = java.time.Duration.ofDays(days - 1);
		java.time.Duration next = java.time.Duration.ofDays(days).multipliedBy(WIDEN);
		return newestMatches(projectId, filter, sort, after, limit, next.compareTo(WIDEST_BAND) > 0 ? ALL_TIME : next,
				BAND_CAP, searched);
	}

	/**
	 * A text's first matches in created or updated order, band by band: the matches whose
	 * sort key lies within {@code width} of the first bug after the cursor, read only
	 * when there are at most {@code cap} of them; a band with fewer than a page widens
	 * {@link #WIDEN} times (to all time past {@link #WIDEST_BAND}), one with too many
	 * narrows halfway back to the last one that held too few. The first band that holds a
	 * page, and not too many, answers. Each band reads the GIN index of texts and days
	 * (V63), so the heap is read for the matches of the band's days only, not for every
	 * match of a common word whose matches are all older than the bugs filed lately
	 * (bench/sql/README.md findings 22 and 23).
	 */
	List<BugRow> newestMatches(UUID projectId, BugFilter filter, BugSort sort, Cursor after, int limit,
			java.time.Duration width, int cap) {
		return newestMatches(projectId, filter, sort, after, limit, width, cap, java.time.Duration.ZERO);
	}

	/**
	 * {@link #newestMatches}, knowing that the first {@code fewer} hold less than a page
	 * (a band with too many matches narrows halfway back to there).
	 */
	private List<BugRow> newestMatches(UUID projectId, BugFilter filter, BugSort sort, Cursor after, int limit,
			java.time.Duration width, int cap, java.time.Duration fewerThanAPage) {
		// where the bands start, and in the same round trip the settings for the bands
		// (they only steer the planning of the statements after this one): no parallel
		// workers (finding 15), and no index scans, as the GIN index answers both the
		// words and the days, and walking the sort's index instead (what a limit tempts
		// the planner to) would read every bug of the band
		BugListQuery first = BugListQuery.first(projectId, sort, after);
		Optional<Instant> start = this.jdbc
			.sql("select (select" + first.fromWhereOrder() + ") as first_key,"
					+ " set_config('max_parallel_workers_per_gather', '0', true) as parallel_workers,"
					+ " set_config('enable_indexscan', 'off', true) as index_scans")
			.params(first.params())
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp("first_key")).map(Timestamp::toInstant))
			.single();
		// bands from width on: the first ones read a few days of the index, where
		// reading all matches first read a heap page for each of up to cap matches
		java.time.Duration fewer = fewerThanAPage;
		java.time.Duration tooMany = null;
		java.time.Duration band = width;
		try {
			if (start.isEmpty()) {
				return List.of();
			}
			for (int probe = 0; probe < MAX_BANDS; probe++) {
				Banded rows = band(BugListQuery.band(projectId, filter, sort, after, limit, start.get(), band, cap));
				if (rows.matches() < cap && (rows.rows().size() >= limit || band.compareTo(ALL_TIME) >= 0)) {
					return rows.rows();
				}
				java.time.Duration next;
				if (rows.matches() < cap) {
					fewer = band;
					next = band.multipliedBy(WIDEN);
					next = next.compareTo(WIDEST_BAND) > 0 ? ALL_TIME : next;
				}
				else {
					tooMany = band;
					next = fewer.isZero() ? band.dividedBy(2) : band.plus(fewer).dividedBy(2);
				}
				if (tooMany != null && next.compareTo(tooMany) >= 0) {
					next = fewer.plus(tooMany).dividedBy(2);
				}
				band = next;
			}
		}
		finally {
			this.jdbc.sql("select set_config('enable_indexscan', 'on', true)").query(String.class).single();
		}
		// bands keep holding too many (a burst of matches at almost the same time): all
		// matches, sorted
		return rows(BugListQuery.sortedMatches(projectId, filter, sort, after, limit));
	}

	/** A band's first rows, and how many of its matches it read. */
	private record Banded(List<BugRow> rows, int matches) {
	}

	private Banded band(BugListQuery query) {
		int[] matches = { 0 };
		List<BugRow> rows = this.jdbc.sql("select " + COLUMNS + query.fromWhereOrder())
			.params(query.params())
			.query((rs, n) -> {
				matches[0] = rs.getInt("band_matches");
				return this.mapper.mapRow(rs, n);
			})
			.list();
		return new Banded(rows, matches[0]);
	}

	/**
	 * A page of the filtered list across several projects, in one order. The plain shape
	 * walks each project's sort index in one statement ({@link BugListQuery#across});
	 * when that walk may miss ({@link BugListQuery#walkMayMiss}), each project's page is
	 * read as {@link #list} reads it and the pages are merged.
	 */
	List<BugRow> listAcross(java.util.Collection<UUID> projectIds, BugFilter filter, BugSort sort, Cursor after,
			int limit) {
		if (projectIds.size() == 1) {
			return list(projectIds.iterator().next(), filter, sort, after, limit);
		}
		QueryPlans.customForTransaction(this.jdbc);
		if (!BugListQuery.walkMayMiss(filter, sort)) {
			return rows(BugListQuery.across(projectIds, filter, sort, after, limit));
		}
		return projectIds.stream()
			.flatMap(project -> list(project, filter, sort, after, limit).stream())
			.sorted(BugListQuery.rowOrder(sort))
			.limit(limit)
			.toList();
	}

	/**
	 * Tags of the {@code window} most recently updated bugs of these projects that start
	 * with {@code prefix} (case-insensitive), most used first.
	 */
	List<String> recentTags(java.util.Collection<UUID> projectIds, String prefix, int window, int limit) {
		return this.jdbc.sql("""
				select t.tag
				from (select b.tags from bugs b where b.project_id in (:projects)
				      order by b.updated_at desc, b.id desc limit :window) recent
				cross join unnest(recent.tags) as t(tag)
				where starts_with(lower(t.tag), lower(:prefix))
				group by t.tag
				order by count(*) desc, t.tag
				limit :limit
				""")
			.param("projects", projectIds)
			.param("prefix", prefix)
			.param("window", window)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	private int count(UUID projectId, BugFilter filter, int cap) {
		BugListQuery count = BugListQuery.count(projectId, filter, cap);
		return this.jdbc.sql("select" + count.fromWhereOrder()).params(count.params()).query(Integer.class).single();
	}

	List<BugRow> rows(BugListQuery query) {
		return this.jdbc.sql("select " + COLUMNS + query.fromWhereOrder())
			.params(query.params())
			.query(this.mapper)
			.list();
	}

	/** The bugs matching {@code filter}, counted per status. */
	Map<String, BugCount> countByStatus(UUID projectId, BugFilter filter, List<String> statuses) {
		BugListQuery query = BugListQuery.countByStatus(projectId, filter, statuses);
		QueryPlans.customForTransaction(this.jdbc);
		Map<String, BugCount> counts = new java.util.LinkedHashMap<>();
		this.jdbc.sql("select" + query.fromWhereOrder())
			.params(query.params())
			.query((rs, n) -> counts.put(rs.getString("status"), BugCount.capped(rs.getInt("n"))))
			.list();
		return counts;
	}

	boolean matches(UUID projectId, UUID bugId, BugFilter filter) {
		BugListQuery query = BugListQuery.one(projectId, bugId, filter);
		return this.jdbc.sql("select" + query.fromWhereOrder()).params(query.params()).query(Boolean.class).single();
	}

	BugCount count(UUID projectId, BugFilter filter) {
		BugListQuery query = BugListQuery.count(projectId, filter);
		QueryPlans.customForTransaction(this.jdbc);
		return BugCount.capped(
				this.jdbc.sql("select" + query.fromWhereOrder()).params(query.params()).query(Integer.class).single());
	}

	Map<String, Integer> countByStatus(UUID projectId) {
		Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		this.jdbc.sql("select status, count(*) as n from bugs where project_id = :project group by status")
			.param("project", projectId)
			.query((rs, n) -> counts.put(rs.getString("status"), rs.getInt("n")))
			.list();
		return counts;
	}

	/**
	 * Moves every bug of a project from one status to another at {@code at}, with one
	 * history entry per bug; the timestamps and the resolution follow the categories as
	 * in an edit ({@code BugEditor.transition}): into done keeps or sets
	 * {@code resolved_at} (and {@code closed_at} for {@code closed}), out of done clears
	 * the fix's fields.
	 * @return the moved bugs
	 */
	List<Moved> moveAllInStatus(UUID projectId, String from, String to, boolean fromDone, boolean toDone, UUID userId,
			Instant at) {
		return this.jdbc.sql("""
				with moved as (
				    update bugs set status = :to, version = version + 1, updated_at = :at,
				        resolved_at = case when :toDone then coalesce(resolved_at, :at) end,
				        closed_at = case when :toDone and :to = 'closed' then coalesce(closed_at, :at) end,
				        resolution = case when :fromDone and not :toDone then null else resolution end,
				        verified_by = case when :fromDone and not :toDone then null else verified_by end,
				        duplicate_of = case when :fromDone and not :toDone then null else duplicate_of end
				    where project_id = :project and status = :from
				    returning id, number
				), history as (
				    insert into bug_history (bug_id, user_id, field, old_value, new_value, created_at)
				    select id, :user, 'status', :from, :to, :at from moved
				)
				select id, number from moved order by number
				""")
			.param("project", projectId)
			.param("from", from)
			.param("to", to)
			.param("fromDone", fromDone)
			.param("toDone", toDone)
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.query((rs, n) -> new Moved(rs.getObject("id", UUID.class), rs.getInt("number")))
			.list();
	}

	record Moved(UUID id, int number) {
	}

	/** A search hit; {@code candidates} = how many matches were ranked in all. */
	record RankedRow(BugRow bug, float rank, String snippet, int candidates) {
	}

	List<RankedRow> search(java.util.Collection<UUID> projectIds, BugFilter filter, String tsQuery, String rawText,
			Integer window, Integer newest, Cursor after, int limit) {
		// typo tolerance: "chekout" finds checkout; texts under 4 letters ("pay" would
		// find "page") only match by prefix, see BugQueries.search
		wordSimilarityThreshold("0.5");
		QueryPlans.customForTransaction(this.jdbc);
		BugListQuery query = BugListQuery.ranked(projectIds, filter, tsQuery, rawText, window, newest, after, limit);
		JdbcClient.StatementSpec spec = this.jdbc.sql("select " + COLUMNS + query.fromWhereOrder())
			.params(query.params());
		return spec
			.query((rs, n) -> new RankedRow(this.mapper.mapRow(rs, n), rs.getFloat("rank"), rs.getString("snippet"),
					rs.getInt("candidates")))
			.list();
	}

	/** pg_trgm's {@code <%} threshold for the rest of this transaction only. */
	private void wordSimilarityThreshold(String value) {
		this.jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :value, true)")
			.param("value", value)
			.query(String.class)
			.single();
	}

	Optional<UUID> findIdByNumber(UUID projectId, int number) {
		return this.jdbc.sql("select id from bugs where project_id = :project and number = :number")
			.param("project", projectId)
			.param("number", number)
			.query(UUID.class)
			.optional();
	}

	void updateLinkedPrs(UUID id, String linkedPrs) {
		this.jdbc.sql("update bugs set linked_prs = cast(:links as jsonb) where id = :id")
			.param("id", id)
			.param("links", linkedPrs)
			.update();
	}

	void insertHistory(UUID bugId, UUID userId, String field, String oldValue, String newValue, Instant at) {
		insertHistory(bugId, userId, field, oldValue, newValue, at, null);
	}

	/**
	 * @param via where the change was made, or null for Fixpoint itself
	 */
	void insertHistory(UUID bugId, UUID userId, String field, String oldValue, String newValue, Instant at, Via via) {
		this.jdbc.sql("""
				insert into bug_history (bug_id, user_id, field, old_value, new_value, created_at, via)
				values (:bug, :user, :field, :old, :new, :at, :via)
				""")
			.param("bug", bugId)
			.param("user", userId)
			.param("field", field)
			.param("old", oldValue)
			.param("new", newValue)
			.param("at", Timestamp.from(at))
			.param("via", via == null ? null : via.key())
			.update();
	}

	record HistoryRow(long id, String field, String oldValue, String newValue, UUID userId, Instant createdAt,
			Via via) {
	}

	/** The bug's history in order, internal notes' entries only if {@code internal}. */
	List<HistoryRow> findHistory(UUID bugId, boolean internal) {
		return this.jdbc.sql("""
				select id, field, old_value, new_value, user_id, created_at, via from bug_history h
				where bug_id = :bug and %s order by id
				""".formatted(VISIBLE_HISTORY))
			.param("bug", bugId)
			.param("internal", internal)
			.query((rs, n) -> new HistoryRow(rs.getLong("id"), rs.getString("field"), rs.getString("old_value"),
					rs.getString("new_value"), rs.getObject("user_id", UUID.class),
					rs.getTimestamp("created_at").toInstant(), Via.parse(rs.getString("via")).orElse(null)))
			.list();
	}

}
