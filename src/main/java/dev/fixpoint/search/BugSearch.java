package dev.fixpoint.search;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.fixpoint.bugs.BugCriteria;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.SearchHit;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.workflow.Workflow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs query-language searches: in one project, or across every project of the caller. A
 * query that is just a bug key answers with where to jump instead of a list.
 */
@Service
public class BugSearch {

	/** The answer: hits, or {@code jumpTo} (a bug key) when the query named one bug. */
	public record Result(List<SearchHit> items, String nextCursor, String jumpTo, String query) {
	}

	private final BugQueries bugs;

	private final ProjectAccess access;

	private final Clock clock;

	private final Timer inProject;

	private final Timer everywhere;

	BugSearch(BugQueries bugs, ProjectAccess access, Clock clock, MeterRegistry registry) {
		this.bugs = bugs;
		this.access = access;
		this.clock = clock;
		this.inProject = timer(registry, "project");
		this.everywhere = timer(registry, "all");
	}

	/**
	 * {@code fixpoint.search}: the time of each search (parse, resolve, query), with a
	 * histogram for percentiles; {@code scope} is {@code project} or {@code all} (every
	 * project of the caller).
	 */
	private static Timer timer(MeterRegistry registry, String scope) {
		return Timer.builder("fixpoint.search")
			.description("Query-language searches (API, search page, quick search)")
			.tag("scope", scope)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(10))
			.register(registry);
	}

	@Transactional(readOnly = true)
	public Result search(String projectRef, String query, String cursor, Integer limit, CurrentUser user) {
		return (projectRef == null ? this.everywhere : this.inProject)
			.record(() -> run(projectRef, query, cursor, limit, user));
	}

	private Result run(String projectRef, String query, String cursor, Integer limit, CurrentUser user) {
		Membership member = projectRef == null ? null : this.access.membership(projectRef, user);
		SearchQuery parsed = parse(member, query);
		if (parsed.bugKey().isPresent()) {
			// the parser lets a key stand only alone (a sort aside)
			String key = parsed.bugKey().get();
			if (visible(key, user)) {
				return new Result(List.of(), null, key, parsed.toQueryString());
			}
			// the bug imported under that key from another tracker (JIRA-7 finds WEB-42)
			java.util.Optional<String> imported = this.bugs.importedBugKey(key, user);
			if (imported.isPresent()) {
				return new Result(List.of(), null, imported.get(), parsed.toQueryString());
			}
			// a bare key of no bug the caller sees is just a word (COVID-19); key: finds
			// nothing
			boolean bare = query.strip().equalsIgnoreCase(key);
			if (!bare) {
				return new Result(List.of(), null, null, parsed.toQueryString());
			}
			parsed = new SearchQuery(parsed.include(), parsed.exclude(), parsed.dates(), parsed.is(),
					java.util.Optional.empty(), parsed.sort(), query.strip());
		}
		Page<SearchHit> page = this.bugs.search(projectRef, criteria(parsed), parsed.sort().orElse(null), cursor, limit,
				user);
		return new Result(page.items(), page.nextCursor(), null, parsed.toQueryString());
	}

	private boolean visible(String key, CurrentUser user) {
		return this.bugs.findByKey(key, user).isPresent();
	}

	/**
	 * A stored query (a webhook's filter) as list criteria in {@code member}'s project;
	 * one that does not parse is invalid input on {@code field}, with the parser's
	 * reason. Free text and sort are kept as written (a list would search and sort by
	 * them).
	 */
	public BugCriteria criteria(String query, Membership member, String field) {
		QueryContext context = QueryContext.of(
				member.project().workflow().statuses().stream().map(Workflow.Status::key).collect(Collectors.toSet()),
				this.clock);
		try {
			return criteria(QueryLanguage.parse(query, context));
		}
		catch (QuerySyntaxException ex) {
			throw dev.fixpoint.platform.InvalidInputException.of(field, ex.getMessage());
		}
	}

	/**
	 * Whether the bug passes a stored query (a webhook's filter, a Slack subscription's
	 * query) as {@code member} would filter a list with it ({@code me} is the member);
	 * one SQL query by id. In a savepoint of its own: a query that no longer parses or
	 * resolves (a person or component gone) throws {@code InvalidInputException} on
	 * {@code field} and leaves the caller's transaction usable (its other deliveries go
	 * on).
	 */
	@Transactional(propagation = Propagation.NESTED)
	public boolean matches(UUID bugId, String query, Membership member, String field) {
		return this.bugs.matches(bugId, criteria(query, member, field), member);
	}

	SearchQuery parse(Membership member, String query) {
		QueryContext context = member == null ? QueryContext.anyStatus(LocalDate.now(this.clock))
				: QueryContext.forWorkflow(member.project().workflow(), this.clock);
		try {
			return QueryLanguage.parse(query, context);
		}
		catch (QuerySyntaxException ex) {
			throw new QueryErrorException(ex);
		}
	}

	/**
	 * What a parsed query filters by; {@code BugQueries} resolves it (people, components,
	 * days) like any list.
	 */
	static BugCriteria criteria(SearchQuery q) {
		List<String> assignees = values(q.include(), SearchField.ASSIGNEE);
		List<String> notAssignees = values(q.exclude(), SearchField.ASSIGNEE);
		if (q.is().contains("unassigned")) {
			assignees = List.of(BugCriteria.NONE);
			notAssignees = List.of();
		}
		if (q.is().contains("assigned")) {
			notAssignees = java.util.stream.Stream
				.concat(notAssignees.stream(), java.util.stream.Stream.of(BugCriteria.NONE))
				.toList();
		}
		BugCriteria.Builder c = BugCriteria.builder()
			.status(terms(q, SearchField.STATUS))
			.severity(terms(q, SearchField.SEVERITY))
			.priority(terms(q, SearchField.PRIORITY))
			// values of one field are alternatives, tags too (tag:ui,backend: either)
			.anyTag(values(q.include(), SearchField.TAG))
			.tag(new BugCriteria.Terms(List.of(), values(q.exclude(), SearchField.TAG)))
			.reporter(terms(q, SearchField.REPORTER))
			.assignee(new BugCriteria.Terms(assignees, notAssignees))
			.component(terms(q, SearchField.COMPONENT))
			.sla(terms(q, SearchField.SLA))
			.text(q.text())
			.errorsOn("q");
		if (!values(q.include(), SearchField.LINKED).isEmpty() || !values(q.exclude(), SearchField.LINKED).isEmpty()) {
			// linked:pr and -linked:pr together find nothing; the exclusion wins
			c.linkedCode(values(q.exclude(), SearchField.LINKED).isEmpty());
		}
		c.fixedIn(terms(q, SearchField.FIXED_IN)).affects(terms(q, SearchField.AFFECTS)).links(links(q));
		if (q.is().contains("open") || q.is().contains("closed")) {
			c.done(q.is().contains("closed"));
		}
		for (DateCondition d : q.dates()) {
			String from = d.fromInclusive().map(LocalDate::toString).orElse(null);
			switch (d.field()) {
				case CREATED -> c.created(new BugCriteria.Span(from, lastDay(d)));
				case UPDATED -> c.updated(new BugCriteria.Span(from, lastDay(d)));
				case RESOLVED -> c.resolved(new BugCriteria.Span(from, lastDay(d)));
				case DUE -> c.due(from, d.toExclusive().map(LocalDate::toString).orElse(null));
			}
		}
		return c.build();
	}

	/**
	 * The relation terms: {@code is:blocked}, {@code -has:parent}, {@code parent:WEB-1}.
	 */
	private static BugCriteria.Links links(SearchQuery q) {
		String parent = q.is()
			.stream()
			.filter(s -> s.startsWith("parent:"))
			.map(s -> s.substring("parent:".length()))
			.findFirst()
			.orElse(null);
		return new BugCriteria.Links(relation(q, "is:blocked"), relation(q, "is:blocking"), relation(q, "has:parent"),
				parent);
	}

	/** true for the term, false for its negation, null when the query has neither. */
	private static Boolean relation(SearchQuery q, String term) {
		return q.is().contains(term) ? Boolean.TRUE : q.is().contains("-" + term) ? Boolean.FALSE : null;
	}

	/** The last day of a condition's range (the criteria's days are inclusive). */
	private static String lastDay(DateCondition d) {
		return d.toExclusive().map(day -> day.minusDays(1).toString()).orElse(null);
	}

	private static BugCriteria.Terms terms(SearchQuery q, SearchField field) {
		return new BugCriteria.Terms(values(q.include(), field), values(q.exclude(), field));
	}

	private static List<String> values(java.util.Map<SearchField, List<String>> map, SearchField field) {
		return map.getOrDefault(field, List.of());
	}

}
