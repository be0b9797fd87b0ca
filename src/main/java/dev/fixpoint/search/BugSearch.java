package dev.fixpoint.search;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.BugFilter;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.SearchHit;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs query-language searches: in one project, or across every project of the caller. A query that is just a
 * bug key answers with where to jump instead of a list.
 */
@Service
public class BugSearch {

	/** The answer: hits, or {@code jumpTo} (a bug key) when the query named one bug. */
	public record Result(List<SearchHit> items, String nextCursor, String jumpTo, String query) {
	}

	private final BugQueries bugs;

	private final ProjectAccess access;

	private final Accounts accounts;

	private final ProjectComponents components;

	private final Clock clock;

	BugSearch(BugQueries bugs, ProjectAccess access, Accounts accounts, ProjectComponents components, Clock clock) {
		this.bugs = bugs;
		this.access = access;
		this.accounts = accounts;
		this.components = components;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Result search(String projectRef, String query, String cursor, Integer limit, CurrentUser user) {
		Membership member = projectRef == null ? null : this.access.membership(projectRef, user);
		SearchQuery parsed = parse(member, query);
		if (parsed.bugKey().isPresent() && parsed.text().isBlank() && parsed.include().isEmpty()
				&& parsed.exclude().isEmpty()) {
			return new Result(List.of(), null, parsed.bugKey().get(), parsed.toQueryString());
		}
		BugFilter filter = filter(member, parsed, user);
		if (!filter.hasText()) {
			throw InvalidInputException.of("q", "needs some words to search for (filters alone: use the bug list)");
		}
		Page<SearchHit> page = this.bugs.search(projectRef, filter, cursor, limit, user);
		return new Result(page.items(), page.nextCursor(), null, parsed.toQueryString());
	}

	SearchQuery parse(Membership member, String query) {
		QueryContext context = member == null ? QueryContext.anyStatus(LocalDate.now(this.clock))
				: QueryContext.of(member.project().workflow().statuses().stream().map(Workflow.Status::key)
					.collect(Collectors.toSet()), this.clock);
		try {
			return QueryLanguage.parse(query, context);
		}
		catch (QuerySyntaxException ex) {
			throw new QueryErrorException(ex);
		}
	}

	BugFilter filter(Membership member, SearchQuery q, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		BugFilter.Builder f = BugFilter.builder()
			.statuses(values(q.include(), SearchField.STATUS), values(q.exclude(), SearchField.STATUS))
			.severities(severities(values(q.include(), SearchField.SEVERITY)),
					severities(values(q.exclude(), SearchField.SEVERITY)))
			.priorities(priorities(values(q.include(), SearchField.PRIORITY)),
					priorities(values(q.exclude(), SearchField.PRIORITY)))
			.tags(lower(values(q.include(), SearchField.TAG)), lower(values(q.exclude(), SearchField.TAG)))
			.reporters(people(values(q.include(), SearchField.REPORTER), user, errors),
					people(values(q.exclude(), SearchField.REPORTER), user, errors))
			.sla(slaStates(values(q.include(), SearchField.SLA)), slaStates(values(q.exclude(), SearchField.SLA)))
			.text(q.text());
		List<String> assignees = values(q.include(), SearchField.ASSIGNEE);
		List<String> notAssignees = values(q.exclude(), SearchField.ASSIGNEE);
		f.assignees(people(without(assignees, "none"), user, errors), assignees.contains("none"),
				people(without(notAssignees, "none"), user, errors),
				notAssignees.contains("none") || q.is().contains("assigned"));
		if (q.is().contains("unassigned")) {
			f.assignees(List.of(), true, List.of(), false);
		}
		if (q.is().contains("open") || q.is().contains("closed")) {
			f.done(q.is().contains("closed"));
		}
		components(member, q, f, errors);
		dates(q, f);
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		return f.build();
	}

	private void components(Membership member, SearchQuery q, BugFilter.Builder f, List<FieldError> errors) {
		List<String> in = values(q.include(), SearchField.COMPONENT);
		List<String> out = values(q.exclude(), SearchField.COMPONENT);
		if (in.isEmpty() && out.isEmpty()) {
			return;
		}
		if (member == null) {
			errors.add(new FieldError("q", "component: works inside a project, not across projects"));
			return;
		}
		f.components(componentIds(member, in, errors), componentIds(member, out, errors));
	}

	private List<UUID> componentIds(Membership member, List<String> names, List<FieldError> errors) {
		List<UUID> ids = new ArrayList<>();
		for (String name : names) {
			this.components.findByName(member.projectId(), name)
				.ifPresentOrElse(c -> ids.add(c.id()),
						() -> errors.add(new FieldError("q", "'" + name + "' is not a component of this project")));
		}
		return ids;
	}

	private static void dates(SearchQuery q, BugFilter.Builder f) {
		for (DateCondition d : q.dates()) {
			Instant from = d.fromInclusive().map(BugSearch::startOf).orElse(null);
			Instant to = d.toExclusive().map(BugSearch::startOf).orElse(null);
			switch (d.field()) {
				case CREATED -> f.created(from, to);
				case UPDATED -> f.updated(from, to);
				case DUE -> f.due(d.fromInclusive().orElse(null), d.toExclusive().orElse(null));
			}
		}
	}

	private List<UUID> people(List<String> names, CurrentUser user, List<FieldError> errors) {
		List<UUID> ids = new ArrayList<>();
		for (String name : names) {
			if ("me".equalsIgnoreCase(name)) {
				ids.add(user.id());
				continue;
			}
			Optional<UserSummary> person = this.accounts.findByReference(name);
			person.ifPresentOrElse(p -> ids.add(p.id()), () -> errors.add(new FieldError("q", "no user '" + name + "'")));
		}
		return ids;
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	private static List<String> values(java.util.Map<SearchField, List<String>> map, SearchField field) {
		return map.getOrDefault(field, List.of());
	}

	private static List<String> without(List<String> values, String drop) {
		return values.stream().filter(v -> !v.equalsIgnoreCase(drop)).toList();
	}

	private static List<String> lower(List<String> values) {
		return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
	}

	private static List<Severity> severities(List<String> values) {
		return values.stream().map(v -> Severity.parse(v).orElseThrow()).toList();
	}

	private static List<dev.fixpoint.bugs.SlaState> slaStates(List<String> values) {
		return values.stream().map(v -> dev.fixpoint.bugs.SlaState.parse(v).orElseThrow()).toList();
	}

	private static List<Priority> priorities(List<String> values) {
		return values.stream().map(v -> Priority.parse(v).orElseThrow()).toList();
	}

}
