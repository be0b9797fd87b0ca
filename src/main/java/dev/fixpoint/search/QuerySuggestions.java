package dev.fixpoint.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugSort;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.SlaState;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the search box offers at the caret: field names, then the values of the field
 * being typed (the project's statuses, severities, priorities, members and {@code me},
 * tags in use, components, states, sorts, dates). Across projects: those of every project
 * of the caller (the first {@link #PROJECTS}).
 */
@Service
public class QuerySuggestions {

	/** One suggestion: the text that replaces {@code from..to}, what to show, a hint. */
	public record Suggestion(String insert, String label, String hint) {
	}

	/** The suggestions and the range of the query they replace. */
	public record Answer(int from, int to, List<Suggestion> items) {
	}

	static final int LIMIT = 10;

	/** How many projects a search across projects takes statuses and people from. */
	static final int PROJECTS = 20;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final ProjectComponents components;

	private final BugQueries bugs;

	private final Clock clock;

	private final dev.fixpoint.bugs.Releases releases;

	QuerySuggestions(ProjectAccess access, ProjectMembers members, ProjectComponents components, BugQueries bugs,
			Clock clock, dev.fixpoint.bugs.Releases releases) {
		this.releases = releases;
		this.access = access;
		this.members = members;
		this.components = components;
		this.bugs = bugs;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Answer suggest(String projectRef, String query, Integer caret, CurrentUser user) {
		List<Membership> projects = projects(projectRef, user);
		QueryCompletion at = QueryCompletion.at(query, caret == null ? -1 : caret);
		List<Suggestion> items = at.inValue() ? values(at, projectRef, projects, user) : fields(at.typed());
		return new Answer(at.from(), at.to(), items.stream().limit(LIMIT).toList());
	}

	private List<Membership> projects(String projectRef, CurrentUser user) {
		if (projectRef != null && !projectRef.isBlank()) {
			return List.of(this.access.membership(projectRef, user));
		}
		return this.access.projectIdsOf(user)
			.stream()
			.limit(PROJECTS)
			.map(id -> this.access.membership(id, user))
			.toList();
	}

	private static List<Suggestion> fields(String typed) {
		String prefix = typed.toLowerCase(Locale.ROOT);
		return QueryHelp.fields()
			.stream()
			.filter(field -> field.name().startsWith(prefix))
			.map(field -> new Suggestion(field.name() + ":", field.name() + ":", field.meaning()))
			.toList();
	}

	private List<Suggestion> values(QueryCompletion at, String projectRef, List<Membership> projects,
			CurrentUser user) {
		String field = at.field();
		List<Suggestion> all = switch (field) {
			case "status" -> statuses(projects);
			case "severity" ->
				fixed(Stream.of(Severity.values()).map(s -> new Suggestion(s.key(), s.key(), s.label())));
			case "priority" -> fixed(Stream.of(Priority.values()).map(p -> new Suggestion(p.key(), p.key(), null)));
			case "sla" -> fixed(Stream.of(SlaState.values()).map(s -> new Suggestion(s.key(), s.key(), s.label())));
			case "assignee", "reporter" -> people(field, projects);
			case "tag" -> this.bugs
				.recentTags(projectRef == null || projectRef.isBlank() ? null : projectRef, at.typed(), LIMIT, user)
				.stream()
				.map(tag -> new Suggestion(tag, tag, null))
				.toList();
			case "component" -> projects.size() != 1 ? List.of()
					: this.components.list(projects.get(0).projectId())
						.stream()
						.map(c -> new Suggestion(c.name(), c.name(), null))
						.toList();
			case "fixed_in",
					"affects" ->
				projects.size() != 1 ? List.of()
						: this.releases.list(projects.get(0), false)
							.stream()
							.map(r -> new Suggestion(r.name(), r.name(), null))
							.toList();
			case "is" -> fixed(FieldValues.STATE_ORDER.stream().map(s -> new Suggestion(s, s, null)));
			case "has" -> fixed(FieldValues.HAS_VALUES.stream().map(s -> new Suggestion(s, s, null)));
			case "sort" -> fixed(Stream.of(BugSort.values()).map(s -> new Suggestion(s.param(), s.param(), null)));
			case "created", "updated", "resolved", "due" -> dates();
			default -> List.of();
		};
		String typed = at.typed().toLowerCase(Locale.ROOT);
		return all.stream()
			.filter(s -> s.insert().toLowerCase(Locale.ROOT).startsWith(typed)
					|| (s.label() != null && s.label().toLowerCase(Locale.ROOT).contains(typed)))
			.map(s -> new Suggestion(QueryWriter.value(s.insert()), s.label(), s.hint()))
			.toList();
	}

	private static List<Suggestion> fixed(Stream<Suggestion> values) {
		return values.toList();
	}

	private static List<Suggestion> statuses(List<Membership> projects) {
		Map<String, Suggestion> byKey = new LinkedHashMap<>();
		for (Membership project : projects) {
			project.project()
				.workflow()
				.statuses()
				.forEach(s -> byKey.putIfAbsent(s.key(), new Suggestion(s.key(), s.name(),
						projects.size() == 1 ? s.category().json() : project.project().key())));
		}
		return new ArrayList<>(byKey.values());
	}

	private List<Suggestion> people(String field, List<Membership> projects) {
		List<Suggestion> people = new ArrayList<>();
		people.add(new Suggestion("me", "me", "you"));
		if (field.equals("assignee")) {
			people.add(new Suggestion("none", "none", "nobody"));
		}
		Map<UUID, Member> all = new LinkedHashMap<>();
		projects.forEach(p -> this.members.list(p.projectId()).forEach(m -> all.putIfAbsent(m.user().id(), m)));
		all.values()
			.stream()
			.map(Member::user)
			.sorted(java.util.Comparator.comparing(u -> u.name().toLowerCase(Locale.ROOT)))
			.map(u -> new Suggestion(u.username(), u.name(), "@" + u.username()))
			.forEach(people::add);
		return people;
	}

	private List<Suggestion> dates() {
		LocalDate today = LocalDate.now(this.clock);
		Function<String, Suggestion> relative = v -> new Suggestion(v, v, null);
		return List.of(relative.apply(">7d"), relative.apply(">30d"), relative.apply("<7d"),
				new Suggestion(">=" + today.withDayOfMonth(1), ">=" + today.withDayOfMonth(1), "this month"),
				new Suggestion(today.toString(), today.toString(), "today"));
	}

}
