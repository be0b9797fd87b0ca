package dev.fixpoint.mywork;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.RecentChange;
import dev.fixpoint.bugs.SearchHit;
import dev.fixpoint.notifications.Watching;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;
import dev.fixpoint.search.BugSearch;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of a person's My work, each a page at a time (keyset cursors), and what
 * others changed lately on their bugs.
 */
@Service
@Transactional(readOnly = true)
public class MyWork {

	/** How far back "recent activity" looks. */
	static final int ACTIVITY_DAYS = 14;

	/** A page of one list; {@code query} is its search query (null for watching). */
	public record ListPage(WorkList list, String query, List<Bug> bugs, String nextCursor) {
	}

	private final BugSearch search;

	private final Watching watching;

	private final BugQueries bugs;

	private final Clock clock;

	MyWork(BugSearch search, Watching watching, BugQueries bugs, Clock clock) {
		this.search = search;
		this.watching = watching;
		this.bugs = bugs;
		this.clock = clock;
	}

	public ListPage list(WorkList list, String cursor, Integer limit, CurrentUser user) {
		String query = list.query(today()).orElse(null);
		if (query == null) {
			Page<Bug> page = this.watching.following(user, cursor, limit);
			return new ListPage(list, null, page.items(), page.nextCursor());
		}
		BugSearch.Result result = this.search.search(null, query, cursor, limit, user);
		return new ListPage(list, query, result.items().stream().map(SearchHit::bug).toList(), result.nextCursor());
	}

	/** What others changed lately on the caller's bugs, newest first. */
	public List<RecentChange> activity(CurrentUser user, int limit) {
		return this.bugs.recentChangesOnMine(user, ACTIVITY_DAYS, limit);
	}

	/** The caller's day (UTC): what "due soon" counts from. */
	public LocalDate today() {
		return Times.now(this.clock).atOffset(ZoneOffset.UTC).toLocalDate();
	}

}
