package dev.fixpoint.bugs;

import java.util.List;

/**
 * What a bug list is filtered by, as people write it, before anything is looked up:
 * statuses, severities, priorities and SLA states by key; people as {@value #ME},
 * {@value #NONE} (assignees only), a username, an email or an id; components by name;
 * tags; days as {@code 2026-10-01} (the whole UTC day) or instants. Each kind has values
 * to include (any of; tags: all of) and values to exclude (none of). {@link BugQueries}
 * resolves criteria in one place for every caller: the list API and page, board, triage,
 * export, bulk changes and search.
 *
 * @param created bugs created from (a day or an instant) up to and including (a day) or
 * before (an instant)
 * @param updated likewise for the last update
 * @param resolved likewise for the resolution ({@code resolved_at}: bugs in a done
 * status)
 * @param dueFrom due on or after this day; {@code dueBefore}: due before this day
 * @param anyTag tags of which a bug must have at least one (the query language's
 * {@code tag:ui,backend}); {@code tag}'s are all required
 * @param done only bugs in a done status (true), only open ones (false), or both (null)
 * @param errorsOn the request field every error is reported on (search: {@code q}), or
 * null for each term's own
 * @param linkedCode only bugs with linked pull/merge requests or commits (true), only
 * bugs without (false), or both (null)
 * @param fixedIn releases by name ({@code fixed_in}); {@code affects} likewise
 * @param links relation filters ({@code is:blocked}, {@code has:parent},
 * {@code parent:WEB-1})
 */
public record BugCriteria(Terms status, Terms severity, Terms priority, Terms assignee, Terms reporter, Terms tag,
		List<String> anyTag, Terms component, Terms sla, Span created, Span updated, Span resolved, String dueFrom,
		String dueBefore, String text, Boolean done, String errorsOn, Boolean linkedCode, Terms fixedIn, Terms affects,
		Links links) {

	/**
	 * Relations a bug must have (true), must not have (false) or either (null).
	 *
	 * @param blocked blocked by a bug that is not done
	 * @param blocking blocking a bug that is not done
	 * @param hasParent being a sub-bug
	 * @param parent the key of the parent the bugs are sub-bugs of, or null
	 */
	public record Links(Boolean blocked, Boolean blocking, Boolean hasParent, String parent) {

		public static final Links ANY = new Links(null, null, null, null);

	}

	/** The caller, as a person filter. */
	public static final String ME = "me";

	/** No assignee, as an assignee filter. */
	public static final String NONE = "none";

	/** Values to include (any of) and to exclude (none of). */
	public record Terms(List<String> any, List<String> none) {

		public static final Terms EMPTY = new Terms(List.of(), List.of());

		public Terms {
			any = List.copyOf(any);
			none = List.copyOf(none);
		}

		public static Terms any(List<String> values) {
			return new Terms(values, List.of());
		}

		public static Terms any(String value) {
			return value == null || value.isBlank() ? EMPTY : new Terms(List.of(value.strip()), List.of());
		}

		public boolean isEmpty() {
			return this.any.isEmpty() && this.none.isEmpty();
		}

	}

	/**
	 * From (inclusive) and to (a day: inclusive; an instant: exclusive); either may be
	 * null.
	 */
	public record Span(String from, String to) {

		public static final Span ANY = new Span(null, null);

	}

	public static Builder builder() {
		return new Builder();
	}

	/** Collects criteria by name; everything not set matches every bug. */
	public static final class Builder {

		private Terms status = Terms.EMPTY, severity = Terms.EMPTY, priority = Terms.EMPTY, assignee = Terms.EMPTY,
				reporter = Terms.EMPTY, tag = Terms.EMPTY, component = Terms.EMPTY, sla = Terms.EMPTY;

		private Span created = Span.ANY, updated = Span.ANY, resolved = Span.ANY;

		private String dueFrom, dueBefore, text, errorsOn;

		private Boolean done, linkedCode;

		private List<String> anyTag = List.of();

		private Terms fixedIn = Terms.EMPTY, affects = Terms.EMPTY;

		private Links links = Links.ANY;

		public Builder fixedIn(Terms terms) {
			this.fixedIn = terms;
			return this;
		}

		public Builder affects(Terms terms) {
			this.affects = terms;
			return this;
		}

		public Builder links(Links value) {
			this.links = value;
			return this;
		}

		public Builder status(Terms terms) {
			this.status = terms;
			return this;
		}

		public Builder severity(Terms terms) {
			this.severity = terms;
			return this;
		}

		public Builder priority(Terms terms) {
			this.priority = terms;
			return this;
		}

		public Builder assignee(Terms terms) {
			this.assignee = terms;
			return this;
		}

		public Builder reporter(Terms terms) {
			this.reporter = terms;
			return this;
		}

		public Builder tag(Terms terms) {
			this.tag = terms;
			return this;
		}

		/** Tags of which a bug must have at least one. */
		public Builder anyTag(List<String> tags) {
			this.anyTag = List.copyOf(tags);
			return this;
		}

		public Builder component(Terms terms) {
			this.component = terms;
			return this;
		}

		public Builder sla(Terms terms) {
			this.sla = terms;
			return this;
		}

		public Builder created(Span span) {
			this.created = span;
			return this;
		}

		public Builder updated(Span span) {
			this.updated = span;
			return this;
		}

		public Builder resolved(Span span) {
			this.resolved = span;
			return this;
		}

		public Builder due(String from, String before) {
			this.dueFrom = from;
			this.dueBefore = before;
			return this;
		}

		public Builder text(String value) {
			this.text = value;
			return this;
		}

		public Builder done(Boolean value) {
			this.done = value;
			return this;
		}

		/**
		 * Reports every error on this request field (a query string parsed into
		 * criteria).
		 */
		public Builder errorsOn(String field) {
			this.errorsOn = field;
			return this;
		}

		/** Only bugs with (true) or without (false) linked code. */
		public Builder linkedCode(Boolean value) {
			this.linkedCode = value;
			return this;
		}

		public BugCriteria build() {
			return new BugCriteria(this.status, this.severity, this.priority, this.assignee, this.reporter, this.tag,
					this.anyTag, this.component, this.sla, this.created, this.updated, this.resolved, this.dueFrom,
					this.dueBefore, this.text, this.done, this.errorsOn, this.linkedCode, this.fixedIn, this.affects,
					this.links);
		}

	}

}
