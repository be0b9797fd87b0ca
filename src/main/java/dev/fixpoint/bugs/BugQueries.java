package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of bugs: one bug, a filtered page of bugs, a bug's history. */
@Service
@Transactional(readOnly = true)
public class BugQueries {

	private final BugRepository bugs;

	private final BugEditor editor;

	private final BugViews views;

	private final ProjectAccess access;

	private final Accounts accounts;

	private final FilterResolver filters;

	private final java.time.Clock clock;

	BugQueries(BugRepository bugs, BugEditor editor, BugViews views, ProjectAccess access, Accounts accounts,
			FilterResolver filters, java.time.Clock clock) {
		this.clock = clock;
		this.bugs = bugs;
		this.editor = editor;
		this.views = views;
		this.access = access;
		this.accounts = accounts;
		this.filters = filters;
	}

	/**
	 * The key of the bug imported under {@code importKey} from another tracker among the
	 * caller's projects ({@code JIRA-7} finds {@code WEB-42}), if there is one.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<String> importedBugKey(String importKey, CurrentUser user) {
		return this.bugs.findKeyByImportKey(importKey, user.id());
	}

	public Bug find(String bugRef, CurrentUser user) {
		return this.views.view(this.editor.locate(bugRef, user, false));
	}

	/**
	 * The bug as the API shows it to {@code member} (an integration acting for a person,
	 * e.g. a webhook for its owner, or a named system actor's membership from
	 * {@code ProjectAccess.asSystem}), or empty when it is gone or in another project.
	 * Does not throw for a missing bug: callers run inside other work's transactions.
	 */
	public Optional<Bug> find(UUID bugId, Membership member) {
		return this.bugs.findById(bugId)
			.filter(row -> row.projectId().equals(member.projectId()) && member.can(ProjectAction.READ))
			.map(this.views::view);
	}

	/**
	 * Whether the bug passes {@code criteria} as {@code member} would filter a list with
	 * them ({@code me} is the member); one query. Criteria that do not resolve (an
	 * unknown person or component) throw {@code InvalidInputException} like a list's.
	 */
	public boolean matches(UUID bugId, BugCriteria criteria, Membership member) {
		return this.bugs.matches(member.projectId(), bugId, this.filters.resolve(member, criteria, member.user()));
	}

	/** A bug by id or key that the caller may see (404 otherwise), without its fields. */
	public BugRef locate(String bugRef, CurrentUser user) {
		BugRow row = this.editor.locate(bugRef, user, false);
		return new BugRef(row.id(), row.projectId(), row.key());
	}

	/**
	 * Whether the bug changed after a page showed it at {@code version} (its
	 * {@code data-version}) with {@code history} entries the caller sees (its activity's
	 * {@code data-history}: comments added, edited or deleted count there, not in the
	 * version); either may be null (not known to the page). False for a bug gone
	 * meanwhile.
	 */
	@Transactional(readOnly = true)
	public boolean changedSince(BugRef bug, Long version, Integer history, CurrentUser user) {
		boolean internal = this.access.membership(bug.projectId(), user).can(ProjectAction.READ_INTERNAL);
		return this.bugs.findVersionAndHistory(bug.id(), internal)
			.map(now -> (version != null && now.version() > version) || (history != null && now.history() > history))
			.orElse(false);
	}

	/**
	 * The bug with this key among the caller's projects, if there is one (a search that
	 * names a key jumps to it; no exception, so the caller's transaction stays clean).
	 */
	public java.util.Optional<BugRef> findByKey(String bugKey, CurrentUser user) {
		return BugKey.parse(bugKey)
			.flatMap(key -> this.bugs.findByKey(key, user.id()))
			.map(row -> new BugRef(row.id(), row.projectId(), row.key()));
	}

	/**
	 * Tags starting with {@code prefix} (any case) on the most recently updated bugs of a
	 * project ({@code projectRef}) or of all the caller's projects (null), most used
	 * first: what a search box suggests. Reads at most {@link #TAG_WINDOW} bugs.
	 */
	public List<String> recentTags(String projectRef, String prefix, int limit, CurrentUser user) {
		java.util.Collection<UUID> projects = projectRef == null ? this.access.projectIdsOf(user)
				: List.of(this.access.membership(projectRef, user).projectId());
		if (projects.isEmpty()) {
			return List.of();
		}
		return this.bugs.recentTags(projects, prefix == null ? "" : prefix.strip(), TAG_WINDOW, limit);
	}

	/**
	 * These bugs, in the order of {@code ids}, leaving out those the caller may not see
	 * (or that are gone): one statement.
	 */
	public List<Bug> visible(java.util.Collection<UUID> ids, CurrentUser user) {
		Map<UUID, BugRow> rows = this.bugs.findAllIn(ids, this.access.projectIdsOf(user))
			.stream()
			.collect(Collectors.toMap(BugRow::id, Function.identity()));
		return this.views.views(ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList());
	}

	/**
	 * What others changed lately ({@code days} back) on the bugs the caller reported or
	 * is assigned, newest first: My work's recent activity. Internal notes are left out.
	 */
	public List<RecentChange> recentChangesOnMine(CurrentUser user, int days, int limit) {
		List<BugRepository.ChangeRow> rows = this.bugs.changesOnBugsOf(this.access.projectIdsOf(user), user.id(),
				dev.fixpoint.platform.Times.now(this.clock).minus(java.time.Duration.ofDays(days)), limit);
		Map<UUID, UserSummary> people = this.accounts
			.findAll(rows.stream()
				.map(BugRepository.ChangeRow::userId)
				.filter(java.util.Objects::nonNull)
				.distinct()
				.toList())
			.stream()
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
		return rows.stream()
			.map(r -> new RecentChange(r.bugKey(), r.bugTitle(), r.userId() == null ? null : people.get(r.userId()),
					r.field(), r.oldValue(), r.newValue(), r.createdAt()))
			.toList();
	}

	/** How many of the newest bugs the tag suggestions read. */
	static final int TAG_WINDOW = 2000;

	/**
	 * How many bugs of the project are in each status (all of them, uncapped): what a
	 * workflow change moves.
	 */
	public Map<String, Integer> countAllByStatus(Membership member) {
		return this.bugs.countByStatus(member.projectId());
	}

	/**
	 * How many of the newest bugs a text search walks before it asks the full-text index
	 * instead.
	 */
	static final int SEARCH_WINDOW = 5000;

	/**
	 * Before reading every match from the index, a search reads those among this many
	 * newest bugs.
	 */
	static final int NEWEST_FOR_INDEX = 20_000;

	public Page<Bug> list(String projectRef, BugListRequest params, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		BugSort sort = BugSort.parse(params.sort())
			.orElseThrow(() -> InvalidInputException.of("sort",
					"must be one of created, updated, priority, severity, due (prefix - for descending), urgency"));
		int limit = Page.limit(params.limit());
		BugFilter filter = this.filters.resolve(member, params.criteria(), user);
		Cursor after = params.cursor() == null || params.cursor().isBlank() ? null : validCursor(params.cursor(), sort);
		List<BugRow> rows = this.bugs.list(member.projectId(), filter, sort, after, limit + 1);
		boolean more = rows.size() > limit;
		List<BugRow> page = more ? rows.subList(0, limit) : rows;
		String next = more ? BugListQuery.cursorAfter(page.get(page.size() - 1), sort).encode() : null;
		return new Page<>(this.views.views(page), next);
	}

	/**
	 * Search with filters, in one project or (projectRef null) in all of the caller's
	 * projects; never in others. With words: ranked, best first (the text is matched by
	 * word prefixes in every field and public comment, and typo-tolerantly against
	 * titles; {@code sort} is not used). Filters alone: the matching bugs in {@code sort}
	 * order ({@link BugSort}; default most recently updated first), keyset-paginated like
	 * the list, without snippets or rank.
	 */
	public Page<SearchHit> search(String projectRef, BugCriteria criteria, String sort, String cursor, Integer limit,
			CurrentUser user) {
		Membership member = projectRef == null ? null : this.access.membership(projectRef, user);
		BugFilter filter = this.filters.resolve(member, criteria, user);
		java.util.Collection<UUID> projects = member == null ? this.access.projectIdsOf(user)
				: List.of(member.projectId());
		// only -words to leave out: nothing to rank, a list of what is left
		if (!filter.hasText() || !SearchText.hasWordToFind(filter.text())) {
			return listed(projects, filter, sort, cursor, limit);
		}
		String tsQuery = SearchText.prefixQuery(filter.text());
		int size = Page.limit(limit);
		if (tsQuery.isEmpty() || projects.isEmpty()) {
			return new Page<>(List.of(), null);
		}
		Cursor after = null;
		if (cursor != null && !cursor.isBlank()) {
			after = Cursor.decode(cursor, 2);
			if (Ids.parse(after.get(1)).isEmpty() || !after.get(0).matches("-?[0-9.eE+-]+")) {
				throw InvalidInputException.of("cursor", "is not a cursor returned by this search");
			}
		}
		// exact words first; only when they find nothing, accept titles that look alike
		// (typos): the similarity test on every candidate row is what makes a text search
		// slow
		List<BugRepository.RankedRow> rows = rankedSearch(projects, filter, tsQuery, after, size + 1);
		String typoText = filter.text().trim();
		if (rows.isEmpty() && after == null && typoText.length() >= 4) {
			rows = this.bugs.search(projects, filter, tsQuery, typoText, null, null, null, size + 1);
		}
		boolean more = rows.size() > size;
		List<BugRepository.RankedRow> page = more ? rows.subList(0, size) : rows;
		List<Bug> bugs = this.views.views(page.stream().map(BugRepository.RankedRow::bug).toList());
		List<SearchHit> hits = new java.util.ArrayList<>();
		for (int i = 0; i < page.size(); i++) {
			hits.add(new SearchHit(bugs.get(i), SearchText.snippetHtml(page.get(i).snippet()), page.get(i).rank()));
		}
		String next = more ? Cursor
			.of(Float.toString(page.get(page.size() - 1).rank()), page.get(page.size() - 1).bug().id().toString())
			.encode() : null;
		return new Page<>(hits, next);
	}

	/** Filters alone: a page of the matching bugs of these projects in list order. */
	private Page<SearchHit> listed(java.util.Collection<UUID> projects, BugFilter filter, String sortParam,
			String cursor, Integer limit) {
		BugSort sort = BugSort.parse(sortParam)
			.orElseThrow(() -> InvalidInputException.of("sort",
					"must be one of created, updated, priority, severity, due (prefix - for descending), urgency"));
		int size = Page.limit(limit);
		Cursor after = cursor == null || cursor.isBlank() ? null : validCursor(cursor, sort);
		if (projects.isEmpty()) {
			return new Page<>(List.of(), null);
		}
		List<BugRow> rows = this.bugs.listAcross(projects, filter, sort, after, size + 1);
		boolean more = rows.size() > size;
		List<BugRow> page = more ? rows.subList(0, size) : rows;
		String next = more ? BugListQuery.cursorAfter(page.get(page.size() - 1), sort).encode() : null;
		return new Page<>(this.views.views(page).stream().map(bug -> new SearchHit(bug, "", 0f)).toList(), next);
	}

	/**
	 * The same hits three ways, cheapest first for how common the words are. Common
	 * words: the newest {@link #SEARCH_WINDOW} bugs already hold every candidate. Less
	 * common (at least half the candidates in the window): what the window held tells how
	 * far to walk to find them all (at most 4 windows). Rare: the full-text index finds
	 * the matches, first among the {@link #NEWEST_FOR_INDEX} newest bugs, then among all,
	 * and the newest are kept.
	 */
	private List<BugRepository.RankedRow> rankedSearch(java.util.Collection<UUID> projects, BugFilter filter,
			String tsQuery, Cursor after, int limit) {
		int wanted = BugListQuery.RANKED_CANDIDATES;
		List<BugRepository.RankedRow> rows = this.bugs.search(projects, filter, tsQuery, "", SEARCH_WINDOW, null, after,
				limit);
		int found = candidates(rows);
		if (found >= wanted) {
			return rows;
		}
		// past ~1 % of matches, walking to the 100th costs less than reading every match
		// (bench/sql/README.md finding 8)
		if (found >= wanted / 2) {
			int window = 2 * wanted * SEARCH_WINDOW / found;
			rows = this.bugs.search(projects, filter, tsQuery, "", window, null, after, limit);
			if (candidates(rows) >= wanted) {
				return rows;
			}
		}
		rows = this.bugs.search(projects, filter, tsQuery, "", null, NEWEST_FOR_INDEX, after, limit);
		if (candidates(rows) >= wanted) {
			return rows;
		}
		return this.bugs.search(projects, filter, tsQuery, "", null, null, after, limit);
	}

	/**
	 * How many matches a search ranked (0 when the page is empty: then unknown, and the
	 * next plan must tell).
	 */
	private static int candidates(List<BugRepository.RankedRow> rows) {
		return rows.isEmpty() ? 0 : rows.get(0).candidates();
	}

	/**
	 * How many bugs match {@code params} in each status of the workflow, up to
	 * {@link BugCount#CAP}. Sort, cursor and limit are ignored; for board column headers.
	 */
	public Map<String, BugCount> countByStatus(String projectRef, BugListRequest params, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		List<String> statuses = member.project().workflow().statuses().stream().map(s -> s.key()).toList();
		return this.bugs.countByStatus(member.projectId(), this.filters.resolve(member, params.criteria(), user),
				statuses);
	}

	/**
	 * How many bugs match {@code params}, up to {@link BugCount#CAP}. Sort, cursor and
	 * limit are ignored.
	 */
	public BugCount count(String projectRef, BugListRequest params, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		return this.bugs.count(member.projectId(), this.filters.resolve(member, params.criteria(), user));
	}

	public List<HistoryEntry> history(String bugRef, CurrentUser user) {
		BugRow bug = this.editor.locate(bugRef, user, false);
		return history(bug.id(), this.access.membership(bug.projectId(), user));
	}

	/**
	 * The history of a bug the caller has read already, as a member of its project (a
	 * page that read both); another project's bug is not found.
	 */
	public List<HistoryEntry> history(Bug bug, Membership member) {
		if (!bug.projectId().equals(member.projectId())) {
			throw NotFoundException.of("Bug");
		}
		return history(bug.id(), member);
	}

	private List<HistoryEntry> history(UUID bugId, Membership member) {
		boolean internal = member.can(ProjectAction.READ_INTERNAL);
		List<BugRepository.HistoryRow> rows = this.bugs.findHistory(bugId, internal);
		Map<UUID, UserSummary> users = this.accounts
			.findAll(rows.stream().map(BugRepository.HistoryRow::userId).filter(id -> id != null).distinct().toList())
			.stream()
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
		return rows.stream()
			.map(r -> new HistoryEntry(r.id(), r.field(), r.oldValue(), r.newValue(),
					r.userId() == null ? null : users.get(r.userId()), r.createdAt(), r.via()))
			.toList();
	}

	private static Cursor validCursor(String encoded, BugSort sort) {
		Cursor cursor = Cursor.decode(encoded, 2);
		boolean valid = Ids.parse(cursor.get(1)).isPresent() && switch (sort.sqlType()) {
			case "timestamptz" -> parses(() -> Instant.parse(cursor.get(0)));
			case "date" -> cursor.get(0).endsWith("infinity") || parses(() -> LocalDate.parse(cursor.get(0)));
			case "smallint" -> cursor.get(0).matches("[0-3]");
			case "integer" -> cursor.get(0).matches("[0-9]{1,9}");
			default -> cursor.get(0).matches("P[0-3]");
		};
		if (!valid) {
			throw InvalidInputException.of("cursor", "does not belong to this sort order; start again without it");
		}
		return cursor;
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
