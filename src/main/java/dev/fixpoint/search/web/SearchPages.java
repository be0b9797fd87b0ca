package dev.fixpoint.search.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.SearchHit;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.search.BugSearch;
import dev.fixpoint.search.SavedFilter;
import dev.fixpoint.search.SavedFilters;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Component;

/** Runs a search for the pages and turns the answer into what they show. */
@Component
class SearchPages {

	/** What a search page asks for: a page of hits, or where to jump (a bug key). */
	record Answer(SearchView view, String jumpTo) {
	}

	static final int PAGE = 25;

	private final BugSearch search;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final SavedFilters filters;

	private final Clock clock;

	SearchPages(BugSearch search, ProjectAccess access, ProjectMembers members, SavedFilters filters, Clock clock) {
		this.search = search;
		this.access = access;
		this.members = members;
		this.filters = filters;
		this.clock = clock;
	}

	Answer search(String projectRef, String query, String cursor, int limit, CurrentUser user) {
		Membership member = projectRef == null || projectRef.isBlank() ? null
				: this.access.membership(projectRef, user);
		String key = member == null ? null : member.project().key();
		List<SearchHitView> hits = List.of();
		String next = null;
		List<String> errors = List.of();
		QueryErrorMark mark = null;
		if (query != null && !query.isBlank()) {
			switch (Forms.submit(() -> this.search.search(key, query, cursor, limit, user))) {
				case Accepted<BugSearch.Result>(BugSearch.Result result) when result.jumpTo() != null -> {
					return new Answer(null, result.jumpTo());
				}
				case Accepted<BugSearch.Result>(BugSearch.Result result) -> {
					hits = views(result.items(), member, user);
					next = result.nextCursor();
				}
				case Rejected<BugSearch.Result> rejected when QueryErrorMark.locates(rejected.refusal()) ->
					mark = QueryErrorMark.of(query, rejected.refusal());
				case Rejected<BugSearch.Result> rejected -> errors = messages(rejected);
			}
		}
		List<QueryChip> chips = mark == null ? QueryChips.of(key, query, LocalDate.now(this.clock)) : List.of();
		SearchView view = member == null
				? new SearchView(query, null, hits, next, errors, mark, chips, List.of(), List.of(), List.of(),
						user.id(), null)
				: new SearchView(query, member.capabilities(), hits, next, errors, mark, chips, statuses(member),
						assignable(member), this.filters.list(key, user), user.id(), null);
		return new Answer(view, null);
	}

	private List<SearchHitView> views(List<SearchHit> hits, Membership member, CurrentUser user) {
		Map<UUID, Workflow> workflows = new HashMap<>();
		if (member != null) {
			workflows.put(member.projectId(), member.project().workflow());
		}
		List<SearchHitView> views = new ArrayList<>();
		for (SearchHit hit : hits) {
			Workflow workflow = workflows.computeIfAbsent(hit.bug().projectId(),
					id -> this.access.membership(id, user).project().workflow());
			String status = hit.bug().status();
			String bugKey = hit.bug().key();
			views.add(new SearchHitView(hit.bug(), bugKey.substring(0, bugKey.lastIndexOf('-')),
					workflow.nameOf(status), workflow.categoryOf(status).json(), hit.snippet()));
		}
		return views;
	}

	private static List<String> statuses(Membership member) {
		return member.project().workflow().statuses().stream().map(Workflow.Status::key).toList();
	}

	private List<UserSummary> assignable(Membership member) {
		return this.members.list(member.projectId()).stream().map(Member::user).toList();
	}

	/**
	 * "The query needs some words to search for.": a refusal as the search pages word it.
	 */
	static List<String> messages(Rejected<?> rejected) {
		return rejected.errors().sentences(field -> "q".equals(field) ? "The query" : field);
	}

}
