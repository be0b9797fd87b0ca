package dev.fixpoint.bugs;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.Cursor;

/**
 * Builds the SQL of a filtered, sorted, keyset-paginated bug list. Only fixed SQL
 * fragments are concatenated; every value is a named parameter; the order comes from the
 * {@link BugSort} whitelist.
 */
record BugListQuery(String fromWhereOrder, Map<String, Object> params) {

	/** How many matches a text search ranks at most (the most recently updated ones). */
	static final int RANKED_CANDIDATES = 100;

	/**
	 * The plain shape: walk the sort's index (project_id, key, id) and filter. Fast
	 * unless the filters match few of the rows the walk meets first, which the planner
	 * cannot foresee for a date range on another column or a text (bench/sql/README.md
	 * findings 2, 13-15); {@link #walkMayMiss} tells those apart, and BugRepository.list
	 * then uses {@link #window} and {@link #sortedMatches}.
	 */
	static BugListQuery build(UUID projectId, BugFilter f, BugSort sort, Cursor after, int limit) {
		Where where = afterCursor(projectId, f, sort, after);
		where.params.put("limit", limit);
		return new BugListQuery(where.fromWhere() + order(sort) + " limit :limit", where.params);
	}

	/**
	 * The plain shape with the page size written into the SQL: for
	 * {@link #oneIndexServes} shapes, whose plan PostgreSQL may reuse. With
	 * {@code limit $n} a generic plan is costed for a limit of 10% of the rows, so
	 * {@code auto} never picks it (bench/sql/README.md finding 24); {@code limit} is an
	 * int, never text from a request.
	 */
	static BugListQuery reusable(UUID projectId, BugFilter f, BugSort sort, Cursor after, int limit) {
		Where where = afterCursor(projectId, f, sort, after);
		return new BugListQuery(where.fromWhere() + order(sort) + " limit " + limit, where.params);
	}

	/** The filters' conditions and the cursor's. */
	private static Where afterCursor(UUID projectId, BugFilter f, BugSort sort, Cursor after) {
		Where where = where(projectId, f);
		if (after != null) {
			where.clauses.add(cursor(where.params, sort, after));
		}
		return where;
	}

	/**
	 * The plain shape, but the walk stops after {@code window} bugs of the project (in
	 * sort order, after the cursor): its cost is bounded whatever the filters. A full
	 * page is the right page; a short one says nothing (the matches may lie further), so
	 * the caller then asks {@link #sortedMatches}.
	 */
	static BugListQuery window(UUID projectId, BugFilter f, BugSort sort, Cursor after, int limit, int window) {
		Where where = where(projectId, f);
		String walk = "select * from bugs b where b.project_id = :projectId and " + cursor(where.params, sort, after)
				+ order(sort) + " limit :window";
		where.params.put("window", window);
		where.params.put("limit", limit);
		// the page's rows straight from the walk, in its order: no second read of each
		// row by id, one table fewer to plan (bench/sql/README.md finding 25)
		return new BugListQuery(" from (" + walk + ") b join projects p on p.id = b.project_id" + where.where()
				+ order(sort) + " limit :limit", where.params);
	}

	/**
	 * Ids first: every match of the filters after the cursor, sorted, and only the page's
	 * rows read. The inner order is not an index's order, so PostgreSQL finds the matches
	 * through the filters' indexes (a created/updated range: index-only in the covering
	 * indexes of V12; a text: the GIN index) instead of walking the sort's index: the
	 * cost follows the number of matches.
	 */
	static BugListQuery sortedMatches(UUID projectId, BugFilter f, BugSort sort, Cursor after, int limit) {
		Where where = afterCursor(projectId, f, sort, after);
		String dir = sort.ascending() ? " asc" : " desc";
		String unindexed = switch (sort.sqlType()) {
			case "timestamptz" -> sort.expression() + " + interval '0 seconds'";
			case "text" -> sort.expression() + " || ''";
			default -> sort.expression() + " + 0";
		};
		where.params.put("limit", limit);
		return new BugListQuery(
				" from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b"
						+ where.where() + " order by " + unindexed + dir + ", b.id" + dir + " limit :limit)"
						+ order(sort),
				where.params);
	}

	/**
	 * The first {@code limit} matches in sort order among the bugs after the cursor whose
	 * sort key (created or updated) is at most {@code width} from {@code start} (the key
	 * of the first bug after the cursor, so no match after the cursor lies beyond its
	 * day): a prefix of the order, so when it holds a page, that page is the right one.
	 * The text's GIN index also holds both days (V63): one index scan per part of the
	 * band's days yields the matches inside them, and the heap is read for at most
	 * {@code cap} of them; column {@code band_matches} says how many were read (=
	 * {@code cap}: the band holds more, its rows are not the first ones;
	 * bench/sql/README.md finding 22).
	 * <p>
	 * A band is one range of days: the newest days, where a range would first collect
	 * every bug of a burst's day, are read day by day as exact index entries before any
	 * band ({@link #days}), so bands start sixteen times further back.
	 */
	static BugListQuery band(UUID projectId, BugFilter f, BugSort sort, Cursor after, int limit, Instant start,
			java.time.Duration width, int cap) {
		Where where = afterCursor(projectId, f, sort, after);
		if (width.compareTo(BugRepository.ALL_TIME) < 0) {
			Instant edge = sort.ascending() ? start.plus(width) : start.minus(width);
			String to = sort.ascending() ? " <= " : " >= ";
			// the days for the index (V63: one entry per day), the exact edge on the
			// matching rows only (hidden from the B-trees on the time, which would read
			// every bug of the band)
			// one range (a second bound would be a second range, each collecting every
			// bug on its side)
			String day = "((" + sort.expression() + " at time zone 'UTC')::date)";
			where.add(day + to + ":bandDay", "bandDay", Date.valueOf(LocalDate.ofInstant(edge, ZoneOffset.UTC)));
			where.add(sort.expression() + " + interval '0 seconds'" + to + ":bandEdge", "bandEdge",
					Timestamp.from(edge));
		}
		where.params.put("cap", cap);
		where.params.put("limit", limit);
		String dir = sort.ascending() ? " asc" : " desc";
		return new BugListQuery(
				", m.band_matches from (select m.id, count(*) over () as band_matches from (select b.id, "
						+ sort.expression() + " as sort_key from bugs b" + where.where()
						+ " limit :cap) m order by m.sort_key" + dir + ", m.id" + dir
						+ " limit :limit) m join bugs b on b.id = m.id join projects p on p.id = b.project_id"
						+ order(sort),
				where.params);
	}

	/**
	 * The first {@code limit} matches in sort order (created or updated), day by day: the
	 * day (UTC) of the first bug of the project after the cursor, then the day before it
	 * (after it, ascending), for at most {@code days} days. Each day is one exact entry
	 * of the texts' GIN index (V63), intersected with the words' entries, and its matches
	 * are sorted (the heap is read for that day's matches only); the days come one after
	 * the other and the walk stops at the page's last row, so a word whose matches are a
	 * few days old costs a few index probes. Days partition the order (every bug of a day
	 * sorts before every bug of the day before), so the rows are a prefix of the list: a
	 * full page is the right page, a short one holds every match of those days.
	 * <p>
	 * One statement where bands of one and sixteen days took three (the first key, a band
	 * of two exact days, a band of a range of days that first collects every bug of its
	 * days): bench/sql/README.md, "a text's matches day by day". The inner order is no
	 * index's order, so no walk of the sort's B-tree through a day.
	 */
	static BugListQuery days(UUID projectId, BugFilter f, BugSort sort, Cursor after, int limit, int days) {
		Where where = afterCursor(projectId, f, sort, after);
		String day = "((" + sort.expression() + " at time zone 'UTC')::date)";
		where.clauses.add(day + " = f.first_day " + (sort.ascending() ? "+" : "-") + " d.n");
		BugListQuery first = first(projectId, sort, after);
		where.params.putAll(first.params());
		where.params.put("days", days - 1);
		where.params.put("limit", limit);
		String dir = sort.ascending() ? " asc" : " desc";
		return new BugListQuery(" from (select m.id from (select ((select" + first.fromWhereOrder()
				+ ") at time zone 'UTC')::date as first_day) f cross join generate_series(0, cast(:days as int)) as d(n)"
				+ " cross join lateral (select b.id from bugs b" + where.where() + " order by " + sort.expression()
				+ " + interval '0 seconds'" + dir + ", b.id" + dir
				+ " limit :limit) m limit :limit) m join bugs b on b.id = m.id join projects p on p.id = b.project_id"
				+ order(sort), where.params);
	}

	/**
	 * {@code select} + this: the sort key of the first bug of the project after the
	 * cursor (created or updated), column {@code first_key}: where bands start.
	 */
	static BugListQuery first(UUID projectId, BugSort sort, Cursor after) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("projectId", projectId);
		return new BugListQuery(
				" " + sort.expression() + " as first_key from bugs b where b.project_id = :projectId and "
						+ cursor(params, sort, after) + order(sort) + " limit 1",
				params);
	}

	/**
	 * The plain shape in several projects at once (filters without words across the
	 * caller's projects): for each project, its first {@code limit} matches after the
	 * cursor by walking that project's sort index (project_id, key, id), then the best
	 * {@code limit} of those. Reads at most projects × limit ids, never sorts a project's
	 * bugs.
	 */
	static BugListQuery across(Collection<UUID> projectIds, BugFilter f, BugSort sort, Cursor after, int limit) {
		Where where = new Where();
		where.clauses.add("b.project_id = pid.id");
		filters(where, f, true);
		where.clauses.add(cursor(where.params, sort, after));
		where.params.put("projectIds", projectIds.toArray(UUID[]::new));
		where.params.put("limit", limit);
		return new BugListQuery(" from unnest(cast(:projectIds as uuid[])) as pid(id) cross join lateral (select b.id"
				+ " from bugs b" + where.where() + order(sort) + " limit :limit) l join bugs b on b.id = l.id"
				+ " join projects p on p.id = b.project_id" + order(sort) + " limit :limit", where.params);
	}

	/**
	 * The order of {@code sort} on rows already read, as PostgreSQL orders them (ids as
	 * unsigned bytes, like their text): to merge pages read separately.
	 */
	static java.util.Comparator<BugRow> rowOrder(BugSort sort) {
		java.util.Comparator<BugRow> byKey = switch (sort) {
			case UPDATED_ASC, UPDATED_DESC -> java.util.Comparator.comparing(row -> row.stamps().updatedAt());
			case CREATED_ASC, CREATED_DESC -> java.util.Comparator.comparing(row -> row.stamps().createdAt());
			case PRIORITY_ASC, PRIORITY_DESC -> java.util.Comparator.comparing(row -> row.triage().priority().key());
			case SEVERITY_ASC, SEVERITY_DESC ->
				java.util.Comparator.comparingInt(row -> row.triage().severity().ordinal());
			case DUE_ASC -> java.util.Comparator.comparing(row -> row.triage().dueDate(),
					java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
			case DUE_DESC -> java.util.Comparator.comparing(row -> row.triage().dueDate(),
					java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
			case URGENCY -> java.util.Comparator
				.comparingLong(row -> BugSort.urgency(row.triage().priority(), row.triage().dueDate()));
		};
		java.util.Comparator<BugRow> order = byKey.thenComparing(row -> row.id().toString());
		return sort.ascending() ? order : order.reversed();
	}

	/**
	 * Whether walking the sort's index may meet many non-matching bugs before a page is
	 * full, in a way estimates do not show: a text (its matches may all be old), or a
	 * date range on another column than the sort's (old bugs were updated long ago, so a
	 * range a year back lies deep in the {@code -updated} walk).
	 */
	static boolean walkMayMiss(BugFilter f, BugSort sort) {
		String field = sort.field();
		return f.hasText() || (!field.equals("created") && (f.createdFrom() != null || f.createdTo() != null))
				|| (!field.equals("updated") && (f.updatedFrom() != null || f.updatedTo() != null))
				|| f.resolvedFrom() != null || f.resolvedTo() != null
				|| (!field.equals("due") && (f.dueFrom() != null || f.dueBefore() != null))
				|| !f.releases().fixedIn().isEmpty() || !f.releases().affects().isEmpty() || f.links().narrows();
	}

	/**
	 * Whether the plain shape has one right plan whatever the project and the values, so
	 * that a plan PostgreSQL reuses (a generic plan, planned once per connection) is
	 * right: one status, at most one priority, nothing else, sorted by update. The status
	 * index (project_id, status, updated_at desc, id desc, priority) of V62 has every
	 * filter in its index condition and yields the sort's order (tested with the generic
	 * plan). Planning such a page for its values cost nearly as much as running it
	 * (bench/sql/README.md finding 24).
	 */
	static boolean oneIndexServes(BugFilter f, BugSort sort) {
		return sort.field().equals("updated") && f.statuses().size() == 1 && f.priorities().size() <= 1 && f.equals(
				BugFilter.builder().statuses(f.statuses(), List.of()).priorities(f.priorities(), List.of()).build());
	}

	private static String cursor(Map<String, Object> params, BugSort sort, Cursor after) {
		if (after == null) {
			return "true";
		}
		params.put("afterValue", after.get(0));
		params.put("afterId", after.get(1));
		return "(" + sort.expression() + ", b.id) " + (sort.ascending() ? ">" : "<") + " (cast(:afterValue as "
				+ sort.sqlType() + "), cast(:afterId as uuid))";
	}

	private static String order(BugSort sort) {
		String dir = sort.ascending() ? " asc" : " desc";
		return " order by " + sort.expression() + dir + ", b.id" + dir;
	}

	/**
	 * {@code select} + this: the filtered bugs of each of {@code statuses} counted up to
	 * {@link BugCount#CAP} + 1, columns {@code status} and {@code n}. Each count walks
	 * (project_id, status, ...) and stops at the cap.
	 */
	static BugListQuery countByStatus(UUID projectId, BugFilter f, List<String> statuses) {
		Where where = where(projectId, f);
		where.clauses.add("b.status = s.status");
		where.params.put("countStatuses", statuses.toArray(String[]::new));
		where.params.put("cap", BugCount.CAP + 1);
		return new BugListQuery(
				" s.status, (select count(*) from (select 1" + where.fromWhere()
						+ " limit :cap) c) as n from unnest(cast(:countStatuses as text[])) as s(status)",
				where.params);
	}

	/**
	 * {@code select} + this: the filtered bugs counted up to {@link BugCount#CAP} + 1,
	 * column {@code n}.
	 */
	static BugListQuery count(UUID projectId, BugFilter f) {
		return count(projectId, f, BugCount.CAP + 1);
	}

	/**
	 * {@code select} + this: whether the one bug {@code bugId} passes the filters, column
	 * {@code matches}.
	 */
	static BugListQuery one(UUID projectId, UUID bugId, BugFilter f) {
		Where where = where(projectId, f);
		where.add("b.id = :bugId", "bugId", bugId);
		return new BugListQuery(" exists (select 1" + where.fromWhere() + ") as matches", where.params);
	}

	/**
	 * {@code select} + this: the filtered bugs counted up to {@code cap}, column
	 * {@code n}.
	 */
	static BugListQuery count(UUID projectId, BugFilter f, int cap) {
		Where where = where(projectId, f);
		where.params.put("cap", cap);
		return new BugListQuery(" count(*) as n from (select 1" + where.fromWhere() + " limit :cap) c", where.params);
	}

	private static Where where(UUID projectId, BugFilter f) {
		Where where = new Where();
		where.add("b.project_id = :projectId", "projectId", projectId);
		return filters(where, f, true);
	}

	/**
	 * Ranked full-text search in some projects: matches of the prefix query ({@code pay}
	 * finds payment) and, when {@code rawText} is not empty, titles that resemble it
	 * (typos), best first, keyset-paginated on (rank, id). Snippets mark matches with
	 * \u0001 and \u0002 for the caller to turn into escaped HTML. Column
	 * {@code candidates} says how many matches were ranked.
	 * <p>
	 * Only the {@link #RANKED_CANDIDATES} most recently updated matches are ranked: a
	 * common word matches a large part of a big project, and ranking every match would
	 * cost seconds; recent activity is a good prior for what people look for. Both plans
	 * below pick that same set. With {@code window}, the newest {@code window} bugs are
	 * walked in order and the walk stops at the last candidate: fast when the words are
	 * common, bounded when not. Without, the GIN index finds every match and the newest
	 * are kept: fast when the words are rare (the caller runs it when the window held
	 * fewer than {@code RANKED_CANDIDATES} matches); {@code newest} keeps it to the
	 * newest bugs, so a word with many old matches reads only the recent ones.
	 */
	static BugListQuery ranked(java.util.Collection<UUID> projectIds, BugFilter f, String tsQuery, String rawText,
			Integer window, Integer newest, Cursor after, int limit) {
		Where where = new Where();
		where.add("b.project_id in (:projectIds)", "projectIds", projectIds);
		filters(where, f, false);
		where.params.put("tsQuery", tsQuery);
		where.params.put("rawText", rawText);
		String text = rawText.isEmpty() ? "b.fulltext @@ to_tsquery('english', :tsQuery)"
				: "(b.fulltext @@ to_tsquery('english', :tsQuery) or :rawText <% b.title)";
		String ids = "select b.id as ranked_id";
		String inner;
		if (window != null) {
			inner = ids + " from (select b.id, b.title, b.fulltext, b.updated_at from bugs b" + where.where()
					+ " order by b.updated_at desc, b.id desc limit :window) b where " + text
					+ " order by b.updated_at desc, b.id desc limit " + RANKED_CANDIDATES;
			where.params.put("window", window);
		}
		else {
			// "+ 0 seconds": not the order of an index, so the planner reads the matches
			// from the GIN index instead of walking the newest-first index through a
			// whole project for a rare word
			String newer = "";
			if (newest != null) {
				// only matches among the newest bugs: the heap reads stay bounded however
				// many old bugs match
				newer = " and b.updated_at >= coalesce((select n.updated_at from bugs n where n.project_id in "
						+ "(:projectIds) order by n.updated_at desc, n.id desc offset :newest limit 1), '-infinity')";
				where.params.put("newest", newest - 1);
			}
			inner = ids + " from bugs b" + where.where() + " and " + text + newer
					+ " order by b.updated_at + interval '0 seconds' desc, b.id desc limit " + RANKED_CANDIDATES;
		}
		// ranked after the limit: only the candidates pay for ts_rank_cd, not every match
		// the index found (a word with 14,000 old matches: 144 → 50 ms)
		inner = "select c.ranked_id, count(*) over () as candidates, ts_rank_cd(x.fulltext, to_tsquery('english', "
				+ ":tsQuery)) + word_similarity(:rawText, x.title) as rank from (" + inner
				+ ") c join bugs x on x.id = c.ranked_id";
		// the page is cut before the bugs are read: only its rows pay for ts_headline
		// (25 of the 100 candidates)
		StringBuilder page = new StringBuilder("select r.* from (" + inner + ") r");
		if (after != null) {
			page.append(" where (r.rank, r.ranked_id) < (cast(:afterRank as real), cast(:afterId as uuid))");
			where.params.put("afterRank", after.get(0));
			where.params.put("afterId", after.get(1));
		}
		page.append(" order by r.rank desc, r.ranked_id desc limit :limit");
		where.params.put("limit", limit);
		String sql = ", r.rank, r.candidates, ts_headline('english', b.title || ' — ' || b.description, "
				+ "to_tsquery('english', :tsQuery), 'StartSel=\u0001, StopSel=\u0002, MaxWords=30, MinWords=10, "
				+ "MaxFragments=2, FragmentDelimiter=\u0003') as snippet from (" + page
				+ ") r join bugs b on b.id = r.ranked_id join projects p on p.id = b.project_id"
				+ " order by r.rank desc, b.id desc";
		return new BugListQuery(sql, where.params);
	}

	private static Where filters(Where where, BugFilter f, boolean withText) {
		where.in("b.status", "statuses", f.statuses(), false);
		where.in("b.status", "notStatuses", f.notStatuses(), true);
		// filter on severity_rank, the sort key, so (project_id, severity_rank, id)
		// bounds the scan (bench/sql/README.md finding 1)
		where.in("b.severity_rank", "severities", f.severities().stream().map(s -> (short) s.ordinal()).toList(),
				false);
		where.in("b.severity_rank", "notSeverities", f.notSeverities().stream().map(s -> (short) s.ordinal()).toList(),
				true);
		where.in("b.priority", "priorities", f.priorities().stream().map(Priority::key).toList(), false);
		where.in("b.priority", "notPriorities", f.notPriorities().stream().map(Priority::key).toList(), true);
		assignees(where, f);
		where.in("b.reporter_id", "reporters", f.reporters(), false);
		where.in("b.reporter_id", "notReporters", f.notReporters(), true);
		if (!f.tags().isEmpty()) {
			where.add("b.tags @> cast(:tags as text[])", "tags", f.tags().toArray(String[]::new));
		}
		if (!f.anyTags().isEmpty()) {
			where.add("b.tags && cast(:anyTags as text[])", "anyTags", f.anyTags().toArray(String[]::new));
		}
		if (!f.notTags().isEmpty()) {
			where.add("not (b.tags && cast(:notTags as text[]))", "notTags", f.notTags().toArray(String[]::new));
		}
		where.in("b.component_id", "components", f.components(), false);
		if (!f.notComponents().isEmpty()) {
			where.add("(b.component_id is null or b.component_id not in (:notComponents))", "notComponents",
					f.notComponents());
		}
		where.time("b.created_at >= :createdFrom", "createdFrom", f.createdFrom());
		where.time("b.created_at < :createdTo", "createdTo", f.createdTo());
		where.time("b.updated_at >= :updatedFrom", "updatedFrom", f.updatedFrom());
		where.time("b.updated_at < :updatedTo", "updatedTo", f.updatedTo());
		// a resolved range reads bugs_project_resolved_idx (V15: partial, resolved bugs)
		where.time("b.resolved_at >= :resolvedFrom", "resolvedFrom", f.resolvedFrom());
		where.time("b.resolved_at < :resolvedTo", "resolvedTo", f.resolvedTo());
		// the expressions of the due indexes (same meaning: a date is finite, a missing
		// one never matches)
		where.date("coalesce(b.due_date, '-infinity'::date) >= :dueFrom", "dueFrom", f.dueFrom());
		where.date("coalesce(b.due_date, 'infinity'::date) < :dueBefore", "dueBefore", f.dueBefore());
		where.in("b.sla_state", "slaStates", f.slaStates().stream().map(SlaState::key).toList(), false);
		if (!f.notSlaStates().isEmpty()) {
			where.add("(b.sla_state is null or b.sla_state not in (:notSlaStates))", "notSlaStates",
					f.notSlaStates().stream().map(SlaState::key).toList());
		}
		if (f.linkedCode() != null) {
			where.clauses.add(f.linkedCode() ? "b.linked_prs <> '[]'::jsonb" : "b.linked_prs = '[]'::jsonb");
		}
		if (f.done() != null) {
			where.clauses.add(f.done() ? "b.resolved_at is not null" : "b.resolved_at is null");
		}
		releases(where, f.releases());
		links(where, f.links());
		if (withText && f.hasText()) {
			where.add("b.fulltext @@ websearch_to_tsquery('english', :text)", "text", f.text());
		}
		return where;
	}

	/** fixed_in / affects: bugs_fixed_in_idx and bugs_affects_idx (V30). */
	private static void releases(Where where, BugFilter.ReleaseIds r) {
		where.in("b.fixed_in", "fixedIn", r.fixedIn(), false);
		if (!r.notFixedIn().isEmpty()) {
			where.add("(b.fixed_in is null or b.fixed_in not in (:notFixedIn))", "notFixedIn", r.notFixedIn());
		}
		where.in("b.affects", "affects", r.affects(), false);
		if (!r.notAffects().isEmpty()) {
			where.add("(b.affects is null or b.affects not in (:notAffects))", "notAffects", r.notAffects());
		}
	}

	/**
	 * Relations, each a semi-join on bug_links' indexes (V30): blocked means blocked by a
	 * bug that is not done, blocking likewise.
	 */
	private static void links(Where where, BugFilter.Links l) {
		if (l.blocked() != null) {
			where.clauses.add((l.blocked() ? "" : "not ") + "exists (select 1 from bug_links l join bugs o on "
					+ "o.id = l.source_id where l.target_id = b.id and l.kind = 'blocks' and o.resolved_at is null)");
		}
		if (l.blocking() != null) {
			where.clauses.add((l.blocking() ? "" : "not ") + "exists (select 1 from bug_links l join bugs o on "
					+ "o.id = l.target_id where l.source_id = b.id and l.kind = 'blocks' and o.resolved_at is null)");
		}
		if (l.hasParent() != null) {
			where.clauses.add((l.hasParent() ? "" : "not ")
					+ "exists (select 1 from bug_links l where l.target_id = b.id and l.kind = 'parent')");
		}
		if (l.parent() != null) {
			where.add("b.id in (select l.target_id from bug_links l where l.source_id = :parent and l.kind = 'parent')",
					"parent", l.parent());
		}
	}

	private static void assignees(Where where, BugFilter f) {
		if (f.unassigned() && !f.assignees().isEmpty()) {
			where.add("(b.assignee_id is null or b.assignee_id in (:assignees))", "assignees", f.assignees());
		}
		else if (f.unassigned()) {
			where.clauses.add("b.assignee_id is null");
		}
		else {
			where.in("b.assignee_id", "assignees", f.assignees(), false);
		}
		if (f.assigned()) {
			where.clauses.add("b.assignee_id is not null");
		}
		if (!f.notAssignees().isEmpty()) {
			where.add("(b.assignee_id is null or b.assignee_id not in (:notAssignees))", "notAssignees",
					f.notAssignees());
		}
	}

	/** The cursor that continues after {@code row} in this order. */
	static Cursor cursorAfter(BugRow row, BugSort sort) {
		String value = switch (sort) {
			case UPDATED_ASC, UPDATED_DESC -> row.stamps().updatedAt().toString();
			case CREATED_ASC, CREATED_DESC -> row.stamps().createdAt().toString();
			case PRIORITY_ASC, PRIORITY_DESC -> row.triage().priority().key();
			case SEVERITY_ASC, SEVERITY_DESC -> String.valueOf(row.triage().severity().ordinal());
			case DUE_ASC -> row.triage().dueDate() == null ? "infinity" : row.triage().dueDate().toString();
			case DUE_DESC -> row.triage().dueDate() == null ? "-infinity" : row.triage().dueDate().toString();
			case URGENCY -> String.valueOf(BugSort.urgency(row.triage().priority(), row.triage().dueDate()));
		};
		return Cursor.of(value, row.id().toString());
	}

	/** The where clauses and their parameters. */
	private static final class Where {

		final List<String> clauses = new java.util.ArrayList<>();

		final Map<String, Object> params = new LinkedHashMap<>();

		String fromWhere() {
			return " from bugs b join projects p on p.id = b.project_id" + where();
		}

		String where() {
			return " where " + String.join(" and ", this.clauses);
		}

		void add(String clause, String name, Object value) {
			this.clauses.add(clause);
			this.params.put(name, value);
		}

		void in(String column, String name, Collection<?> values, boolean negate) {
			if (!values.isEmpty()) {
				add(column + (negate ? " not in (:" : " in (:") + name + ")", name, values);
			}
		}

		void time(String clause, String name, Instant value) {
			if (value != null) {
				add(clause, name, Timestamp.from(value));
			}
		}

		void date(String clause, String name, LocalDate value) {
			if (value != null) {
				add(clause, name, Date.valueOf(value));
			}
		}

	}

}
