package dev.fixpoint.bugs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import dev.fixpoint.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * A bug list's query string, read with the API's parameter names ({@link #from}) (list
 * API and page, board, triage, export, bulk selection):
 * {@code ?status=new,open&assignee=me&created_from=2026-10-01&sort=-priority}.
 * Multi-valued filters take repeated parameters and comma-separated values.
 * {@link #criteria()} says what it filters by, {@link #queryString()} writes it back;
 * {@link BugQueries} validates and resolves it once.
 */
public record BugListRequest(List<String> status, List<String> severity, List<String> priority,
		@Parameter(description = "me, none, a username or a user id") String assignee,
		@Parameter(description = "me, a username or a user id") String reporter, List<String> tag,
		@Parameter(description = "a component name") String component,
		@Parameter(name = "created_from", description = "a day (the whole UTC day) or an instant") String createdFrom,
		@Parameter(name = "created_to", description = "a day (included) or an instant (excluded)") String createdTo,
		@Parameter(name = "updated_from") String updatedFrom, @Parameter(name = "updated_to") String updatedTo,
		@Parameter(name = "resolved_from",
				description = "resolved from a day (the whole UTC day) or an instant") String resolvedFrom,
		@Parameter(name = "resolved_to", description = "a day (included) or an instant (excluded)") String resolvedTo,
		@Parameter(name = "due_before", description = "a day") String dueBefore,
		@Parameter(description = "words to find") String q,
		@Parameter(
				description = "created, updated, priority, severity, due; prefix - for descending (default -updated); urgency: priority, then the soonest due date") String sort,
		String cursor, Integer limit,
		@Parameter(
				description = "SLA state of the running clock: on_track, at_risk, breached (repeatable)") List<String> sla,
		@Parameter(name = "fixed_in", description = "the name of a release the bugs are fixed in") String fixedIn,
		@Parameter(description = "the name of a release the bugs affect") String affects) {

	/** A request without release filters. */
	public BugListRequest(List<String> status, List<String> severity, List<String> priority, String assignee,
			String reporter, List<String> tag, String component, String createdFrom, String createdTo,
			String updatedFrom, String updatedTo, String resolvedFrom, String resolvedTo, String dueBefore, String q,
			String sort, String cursor, Integer limit, List<String> sla) {
		this(status, severity, priority, assignee, reporter, tag, component, createdFrom, createdTo, updatedFrom,
				updatedTo, resolvedFrom, resolvedTo, dueBefore, q, sort, cursor, limit, sla, null, null);
	}

	public BugListRequest {
		status = values(status);
		severity = values(severity);
		priority = values(priority);
		tag = values(tag);
		sla = values(sla);
	}

	/**
	 * Reads a request's parameters by their API names ({@code parameter} gives a name's
	 * values, or null). Spring's binding of a record reflects on its 17 components on
	 * every request (about a millisecond of a list's CPU: bench/README.md), so a request
	 * reads them here, through {@code web.BugListRequestResolver}.
	 */
	public static BugListRequest from(Function<String, String[]> parameter) {
		return new BugListRequest(all(parameter, "status"), all(parameter, "severity"), all(parameter, "priority"),
				one(parameter, "assignee"), one(parameter, "reporter"), all(parameter, "tag"),
				one(parameter, "component"), one(parameter, "created_from"), one(parameter, "created_to"),
				one(parameter, "updated_from"), one(parameter, "updated_to"), one(parameter, "resolved_from"),
				one(parameter, "resolved_to"), one(parameter, "due_before"), one(parameter, "q"),
				one(parameter, "sort"), one(parameter, "cursor"), limit(one(parameter, "limit")), all(parameter, "sla"),
				one(parameter, "fixed_in"), one(parameter, "affects"));
	}

	private static List<String> all(Function<String, String[]> parameter, String name) {
		String[] values = parameter.apply(name);
		return values == null ? null : Arrays.asList(values);
	}

	private static String one(Function<String, String[]> parameter, String name) {
		String[] values = parameter.apply(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	private static Integer limit(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of("limit", "has an invalid value");
		}
	}

	public static BugListRequest empty() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder(null);
	}

	/** A builder starting from this request. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	public BugListRequest withCursor(String next) {
		return toBuilder().cursor(next).build();
	}

	public BugListRequest withLimit(Integer size) {
		return toBuilder().limit(size).build();
	}

	/** What this request filters by (not the sort or the page). */
	public BugCriteria criteria() {
		return BugCriteria.builder()
			.status(BugCriteria.Terms.any(this.status))
			.severity(BugCriteria.Terms.any(this.severity))
			.priority(BugCriteria.Terms.any(this.priority))
			.assignee(BugCriteria.Terms.any(this.assignee))
			.reporter(BugCriteria.Terms.any(this.reporter))
			.tag(BugCriteria.Terms.any(this.tag))
			.component(BugCriteria.Terms.any(this.component))
			.sla(BugCriteria.Terms.any(this.sla))
			.created(new BugCriteria.Span(this.createdFrom, this.createdTo))
			.updated(new BugCriteria.Span(this.updatedFrom, this.updatedTo))
			.resolved(new BugCriteria.Span(this.resolvedFrom, this.resolvedTo))
			.due(null, this.dueBefore)
			.fixedIn(BugCriteria.Terms.any(this.fixedIn))
			.affects(BugCriteria.Terms.any(this.affects))
			.text(this.q)
			.build();
	}

	/** Whether any filter (not the sort or the page) is set. */
	public boolean filtered() {
		return !filterParameters().isEmpty();
	}

	/**
	 * This request as a canonical query string (no empty parameters), without {@code ?};
	 * empty when nothing is set.
	 */
	public String queryString() {
		List<String> query = filterParameters();
		add(query, "sort", this.sort);
		add(query, "cursor", this.cursor);
		add(query, "limit", this.limit == null ? null : this.limit.toString());
		return String.join("&", query);
	}

	private List<String> filterParameters() {
		List<String> query = new ArrayList<>();
		this.status.forEach(v -> add(query, "status", v));
		this.severity.forEach(v -> add(query, "severity", v));
		this.priority.forEach(v -> add(query, "priority", v));
		add(query, "assignee", this.assignee);
		add(query, "reporter", this.reporter);
		this.tag.forEach(v -> add(query, "tag", v));
		add(query, "component", this.component);
		add(query, "created_from", this.createdFrom);
		add(query, "created_to", this.createdTo);
		add(query, "updated_from", this.updatedFrom);
		add(query, "updated_to", this.updatedTo);
		add(query, "resolved_from", this.resolvedFrom);
		add(query, "resolved_to", this.resolvedTo);
		add(query, "due_before", this.dueBefore);
		this.sla.forEach(v -> add(query, "sla", v));
		add(query, "fixed_in", this.fixedIn);
		add(query, "affects", this.affects);
		add(query, "q", this.q);
		return query;
	}

	private static void add(List<String> query, String name, String value) {
		if (value != null && !value.isBlank()) {
			query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
		}
	}

	private static List<String> values(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.filter(v -> v != null)
			.flatMap(v -> Arrays.stream(v.split(",")))
			.map(String::trim)
			.filter(v -> !v.isEmpty())
			.distinct()
			.toList();
	}

	/**
	 * Builds requests in code (board columns, the triage queue, links that change one
	 * parameter).
	 */
	public static final class Builder {

		private List<String> status, severity, priority, tag, sla;

		private String assignee, reporter, component, createdFrom, createdTo, updatedFrom, updatedTo, resolvedFrom,
				resolvedTo, dueBefore, q, sort, cursor, fixedIn, affects;

		private Integer limit;

		private Builder(BugListRequest r) {
			if (r == null) {
				return;
			}
			this.status = r.status;
			this.severity = r.severity;
			this.priority = r.priority;
			this.tag = r.tag;
			this.sla = r.sla;
			this.assignee = r.assignee;
			this.reporter = r.reporter;
			this.component = r.component;
			this.createdFrom = r.createdFrom;
			this.createdTo = r.createdTo;
			this.updatedFrom = r.updatedFrom;
			this.updatedTo = r.updatedTo;
			this.resolvedFrom = r.resolvedFrom;
			this.resolvedTo = r.resolvedTo;
			this.dueBefore = r.dueBefore;
			this.q = r.q;
			this.sort = r.sort;
			this.cursor = r.cursor;
			this.limit = r.limit;
			this.fixedIn = r.fixedIn;
			this.affects = r.affects;
		}

		public Builder fixedIn(String v) {
			this.fixedIn = v;
			return this;
		}

		public Builder status(List<String> v) {
			this.status = v;
			return this;
		}

		public Builder severity(List<String> v) {
			this.severity = v;
			return this;
		}

		public Builder assignee(String v) {
			this.assignee = v;
			return this;
		}

		public Builder createdFrom(String v) {
			this.createdFrom = v;
			return this;
		}

		public Builder resolvedFrom(String v) {
			this.resolvedFrom = v;
			return this;
		}

		public Builder resolvedTo(String v) {
			this.resolvedTo = v;
			return this;
		}

		public Builder q(String v) {
			this.q = v;
			return this;
		}

		public Builder sort(String v) {
			this.sort = v;
			return this;
		}

		public Builder cursor(String v) {
			this.cursor = v;
			return this;
		}

		public Builder limit(Integer v) {
			this.limit = v;
			return this;
		}

		/** Keeps the sort and page size, drops every filter and the cursor. */
		public Builder clearFilters() {
			Builder cleared = new Builder(null);
			cleared.sort = this.sort;
			cleared.limit = this.limit;
			return cleared;
		}

		public BugListRequest build() {
			return new BugListRequest(this.status, this.severity, this.priority, this.assignee, this.reporter, this.tag,
					this.component, this.createdFrom, this.createdTo, this.updatedFrom, this.updatedTo,
					this.resolvedFrom, this.resolvedTo, this.dueBefore, this.q, this.sort, this.cursor, this.limit,
					this.sla, this.fixedIn, this.affects);
		}

	}

}
