package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectComponents;

import org.springframework.stereotype.Component;

/**
 * Turns {@link BugCriteria} into a {@link BugFilter}: the one place for what "me" and
 * "none" mean, how people and components are looked up, which keys are valid and what a
 * day is (the whole UTC day). Every problem is collected and reported at once, as field
 * errors.
 */
@Component
class FilterResolver {

	static final int TEXT_MAX = 500;

	private final Accounts accounts;

	private final ProjectComponents components;

	private final ReleaseRepository releases;

	private final BugRepository bugs;

	FilterResolver(Accounts accounts, ProjectComponents components, ReleaseRepository releases, BugRepository bugs) {
		this.accounts = accounts;
		this.components = components;
		this.releases = releases;
		this.bugs = bugs;
	}

	/**
	 * @param member the project listed, or null across the caller's projects (no status
	 * or component checks)
	 */
	BugFilter resolve(Membership member, BugCriteria c, CurrentUser user) {
		Errors errors = new Errors(c.errorsOn());
		List<String> assignees = c.assignee().any();
		List<String> notAssignees = c.assignee().none();
		BugFilter filter = BugFilter.builder()
			.statuses(statuses(member, c.status().any(), errors), statuses(member, c.status().none(), errors))
			.severities(keys(c.severity().any(), "severity", Severity::parse, "critical, high, medium, low", errors),
					keys(c.severity().none(), "severity", Severity::parse, "critical, high, medium, low", errors))
			.priorities(keys(c.priority().any(), "priority", Priority::parse, "P0, P1, P2, P3", errors),
					keys(c.priority().none(), "priority", Priority::parse, "P0, P1, P2, P3", errors))
			.linkedCode(c.linkedCode())
			.sla(keys(c.sla().any(), "sla", SlaState::parse, "on_track, at_risk, breached", errors),
					keys(c.sla().none(), "sla", SlaState::parse, "on_track, at_risk, breached", errors))
			.assignees(people("assignee", withoutNone(assignees), user, errors), hasNone(assignees),
					people("assignee", withoutNone(notAssignees), user, errors), hasNone(notAssignees))
			.reporters(people("reporter", c.reporter().any(), user, errors),
					people("reporter", c.reporter().none(), user, errors))
			.tags(lower(c.tag().any()), lower(c.tag().none()))
			.anyTags(lower(c.anyTag()))
			.components(components(member, c.component().any(), errors),
					components(member, c.component().none(), errors))
			.created(instant("created_from", c.created().from(), false, errors),
					instant("created_to", c.created().to(), true, errors))
			.updated(instant("updated_from", c.updated().from(), false, errors),
					instant("updated_to", c.updated().to(), true, errors))
			.resolved(instant("resolved_from", c.resolved().from(), false, errors),
					instant("resolved_to", c.resolved().to(), true, errors))
			.due(day("due_from", c.dueFrom(), errors), day("due_before", c.dueBefore(), errors))
			.text(trim(c.text()))
			.done(c.done())
			.releases(new BugFilter.ReleaseIds(releases(member, "fixed_in", c.fixedIn().any(), user, errors),
					releases(member, "fixed_in", c.fixedIn().none(), user, errors),
					releases(member, "affects", c.affects().any(), user, errors),
					releases(member, "affects", c.affects().none(), user, errors)))
			.links(links(c.links(), user, errors))
			.build();
		if (filter.text() != null && filter.text().length() > TEXT_MAX) {
			errors.add("q", "must be at most 500 characters");
		}
		errors.throwIfAny();
		return filter;
	}

	private static List<String> statuses(Membership member, List<String> keys, Errors errors) {
		if (member != null) {
			keys.stream()
				.filter(s -> member.project().workflow().status(s).isEmpty())
				.forEach(s -> errors.add("status", "'" + s + "' is not a status of this project"));
		}
		return keys;
	}

	private static <T> List<T> keys(List<String> values, String field, Function<String, Optional<T>> parse,
			String allowed, Errors errors) {
		List<T> parsed = new ArrayList<>();
		for (String v : values) {
			parse.apply(v)
				.ifPresentOrElse(parsed::add, () -> errors.add(field, "'" + v + "' is not one of " + allowed));
		}
		return parsed;
	}

	/**
	 * {@value BugCriteria#ME} is the caller; anything else a username, an email or an id.
	 */
	private List<UUID> people(String field, List<String> refs, CurrentUser user, Errors errors) {
		List<UUID> ids = new ArrayList<>();
		for (String ref : refs) {
			if (BugCriteria.ME.equalsIgnoreCase(ref)) {
				ids.add(user.id());
				continue;
			}
			this.accounts.findByReference(ref)
				.map(UserSummary::id)
				.ifPresentOrElse(ids::add, () -> errors.add(field, "no user '" + ref + "'"));
		}
		return ids;
	}

	private List<UUID> components(Membership member, List<String> names, Errors errors) {
		if (names.isEmpty()) {
			return List.of();
		}
		if (member == null) {
			errors.add("component", "component: works inside a project, not across projects");
			return List.of();
		}
		List<UUID> ids = new ArrayList<>();
		for (String name : names) {
			this.components.findByName(member.projectId(), name)
				.ifPresentOrElse(c -> ids.add(c.id()),
						() -> errors.add("component", "'" + name + "' is not a component of this project"));
		}
		return ids;
	}

	/**
	 * Releases by name (any case): the project's, or across projects those of every
	 * project of the caller with that name.
	 */
	private List<UUID> releases(Membership member, String field, List<String> names, CurrentUser user, Errors errors) {
		List<UUID> ids = new ArrayList<>();
		for (String name : names) {
			if (member != null) {
				this.releases.idByName(member.projectId(), name)
					.ifPresentOrElse(ids::add,
							() -> errors.add(field, "'" + name + "' is not a release of this project"));
				continue;
			}
			List<UUID> found = this.releases.idsByName(user.id(), List.of(name));
			if (found.isEmpty()) {
				errors.add(field, "no release '" + name + "' in your projects");
			}
			ids.addAll(found);
		}
		return ids;
	}

	private BugFilter.Links links(BugCriteria.Links links, CurrentUser user, Errors errors) {
		UUID parent = null;
		if (links.parent() != null) {
			parent = BugKey.parse(links.parent())
				.flatMap(key -> this.bugs.findByKey(key, user.id()))
				.map(BugRow::id)
				.orElse(null);
			if (parent == null) {
				errors.add("parent", "no bug " + links.parent() + " in your projects");
			}
		}
		return new BugFilter.Links(links.blocked(), links.blocking(), links.hasParent(), parent);
	}

	/**
	 * A day is the whole UTC day: from its start, or (as an upper bound) up to the next
	 * day's start.
	 */
	private static Instant instant(String field, String value, boolean upperBound, Errors errors) {
		String v = trim(value);
		if (v == null) {
			return null;
		}
		try {
			if (v.length() == 10) {
				LocalDate day = LocalDate.parse(v);
				return (upperBound ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			return Instant.parse(v);
		}
		catch (DateTimeParseException ex) {
			errors.add(field, "must be a date (2026-10-01) or a UTC time (2026-10-01T12:00:00Z)");
			return null;
		}
	}

	private static LocalDate day(String field, String value, Errors errors) {
		String v = trim(value);
		if (v == null) {
			return null;
		}
		try {
			return LocalDate.parse(v);
		}
		catch (DateTimeParseException ex) {
			errors.add(field, "must be a date like 2026-12-31");
			return null;
		}
	}

	private static boolean hasNone(List<String> refs) {
		return refs.stream().anyMatch(BugCriteria.NONE::equalsIgnoreCase);
	}

	private static List<String> withoutNone(List<String> refs) {
		return refs.stream().filter(r -> !BugCriteria.NONE.equalsIgnoreCase(r)).toList();
	}

	private static List<String> lower(List<String> values) {
		return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/**
	 * Field errors, each on its own field or all on one ({@link BugCriteria#errorsOn()}).
	 */
	private static final class Errors {

		private final String on;

		private final List<FieldError> list = new ArrayList<>();

		Errors(String on) {
			this.on = on;
		}

		void add(String field, String message) {
			this.list.add(new FieldError(this.on == null ? field : this.on, message));
		}

		void throwIfAny() {
			if (!this.list.isEmpty()) {
				throw InvalidInputException.of(this.list);
			}
		}

	}

}
