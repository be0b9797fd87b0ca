package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The filters of a bug list, resolved to ids; all optional and combinable. Each kind has
 * an include list (any of) and an exclude list (none of); {@code tags} must all be
 * present, of {@code anyTags} at least one. {@code unassigned}/{@code assigned} select
 * bugs without or with an assignee in addition to {@code assignees}. {@code done}: only
 * bugs in a done status (true), only open ones (false), or both (null); it works across
 * workflows because resolved_at is set exactly while a bug is done. {@code slaStates}:
 * the running SLA's state (bugs without a running clock match only exclusions).
 */
record BugFilter(List<String> statuses, List<String> notStatuses, List<Severity> severities,
		List<Severity> notSeverities, List<Priority> priorities, List<Priority> notPriorities, List<UUID> assignees,
		boolean unassigned, List<UUID> notAssignees, boolean assigned, List<UUID> reporters, List<UUID> notReporters,
		List<String> tags, List<String> anyTags, List<String> notTags, List<UUID> components, List<UUID> notComponents,
		Instant createdFrom, Instant createdTo, Instant updatedFrom, Instant updatedTo, Instant resolvedFrom,
		Instant resolvedTo, LocalDate dueFrom, LocalDate dueBefore, String text, Boolean done, List<SlaState> slaStates,
		List<SlaState> notSlaStates, Boolean linkedCode, ReleaseIds releases, Links links) {

	/**
	 * Release ids to include (any of) and exclude; an exclusion keeps bugs without one.
	 */
	record ReleaseIds(List<UUID> fixedIn, List<UUID> notFixedIn, List<UUID> affects, List<UUID> notAffects) {

		static final ReleaseIds ANY = new ReleaseIds(List.of(), List.of(), List.of(), List.of());

		boolean isEmpty() {
			return this.fixedIn.isEmpty() && this.notFixedIn.isEmpty() && this.affects.isEmpty()
					&& this.notAffects.isEmpty();
		}

	}

	/** {@link BugCriteria.Links} with the parent resolved to its id. */
	record Links(Boolean blocked, Boolean blocking, Boolean hasParent, UUID parent) {

		static final Links ANY = new Links(null, null, null, null);

		/** Whether a relation must exist: few bugs match, their own index finds them. */
		boolean narrows() {
			return Boolean.TRUE.equals(this.blocked) || Boolean.TRUE.equals(this.blocking)
					|| Boolean.TRUE.equals(this.hasParent) || this.parent != null;
		}

	}

	public BugFilter {
		slaStates = List.copyOf(slaStates);
		notSlaStates = List.copyOf(notSlaStates);
		statuses = List.copyOf(statuses);
		notStatuses = List.copyOf(notStatuses);
		severities = List.copyOf(severities);
		notSeverities = List.copyOf(notSeverities);
		priorities = List.copyOf(priorities);
		notPriorities = List.copyOf(notPriorities);
		assignees = List.copyOf(assignees);
		notAssignees = List.copyOf(notAssignees);
		reporters = List.copyOf(reporters);
		notReporters = List.copyOf(notReporters);
		tags = List.copyOf(tags);
		anyTags = List.copyOf(anyTags);
		notTags = List.copyOf(notTags);
		components = List.copyOf(components);
		notComponents = List.copyOf(notComponents);
	}

	static Builder builder() {
		return new Builder();
	}

	public boolean hasText() {
		return this.text != null && !this.text.isBlank();
	}

	/** Collects filter parts from request parameters or a parsed query. */
	static final class Builder {

		private List<String> statuses = List.of(), notStatuses = List.of(), tags = List.of(), notTags = List.of();

		private List<Severity> severities = List.of(), notSeverities = List.of();

		private List<Priority> priorities = List.of(), notPriorities = List.of();

		private List<UUID> assignees = List.of(), notAssignees = List.of(), reporters = List.of(),
				notReporters = List.of(), components = List.of(), notComponents = List.of();

		private boolean unassigned, assigned;

		private Instant createdFrom, createdTo, updatedFrom, updatedTo, resolvedFrom, resolvedTo;

		private LocalDate dueFrom, dueBefore;

		private String text;

		private Boolean done;

		private List<String> anyTags = List.of();

		private List<SlaState> slaStates = List.of(), notSlaStates = List.of();

		private Boolean linkedCode;

		private ReleaseIds releases = ReleaseIds.ANY;

		private Links links = Links.ANY;

		public Builder releases(ReleaseIds value) {
			this.releases = value;
			return this;
		}

		public Builder links(Links value) {
			this.links = value;
			return this;
		}

		public Builder statuses(List<String> in, List<String> out) {
			this.statuses = in;
			this.notStatuses = out;
			return this;
		}

		public Builder severities(List<Severity> in, List<Severity> out) {
			this.severities = in;
			this.notSeverities = out;
			return this;
		}

		public Builder priorities(List<Priority> in, List<Priority> out) {
			this.priorities = in;
			this.notPriorities = out;
			return this;
		}

		public Builder assignees(List<UUID> in, boolean none, List<UUID> out, boolean some) {
			this.assignees = in;
			this.unassigned = none;
			this.notAssignees = out;
			this.assigned = some;
			return this;
		}

		public Builder reporters(List<UUID> in, List<UUID> out) {
			this.reporters = in;
			this.notReporters = out;
			return this;
		}

		public Builder tags(List<String> all, List<String> none) {
			this.tags = all;
			this.notTags = none;
			return this;
		}

		public Builder anyTags(List<String> any) {
			this.anyTags = any;
			return this;
		}

		public Builder components(List<UUID> in, List<UUID> out) {
			this.components = in;
			this.notComponents = out;
			return this;
		}

		public Builder created(Instant from, Instant to) {
			this.createdFrom = from;
			this.createdTo = to;
			return this;
		}

		public Builder updated(Instant from, Instant to) {
			this.updatedFrom = from;
			this.updatedTo = to;
			return this;
		}

		public Builder resolved(Instant from, Instant to) {
			this.resolvedFrom = from;
			this.resolvedTo = to;
			return this;
		}

		public Builder due(LocalDate from, LocalDate before) {
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

		public Builder linkedCode(Boolean value) {
			this.linkedCode = value;
			return this;
		}

		public Builder sla(List<SlaState> in, List<SlaState> out) {
			this.slaStates = in;
			this.notSlaStates = out;
			return this;
		}

		public BugFilter build() {
			return new BugFilter(this.statuses, this.notStatuses, this.severities, this.notSeverities, this.priorities,
					this.notPriorities, this.assignees, this.unassigned, this.notAssignees, this.assigned,
					this.reporters, this.notReporters, this.tags, this.anyTags, this.notTags, this.components,
					this.notComponents, this.createdFrom, this.createdTo, this.updatedFrom, this.updatedTo,
					this.resolvedFrom, this.resolvedTo, this.dueFrom, this.dueBefore, this.text, this.done,
					this.slaStates, this.notSlaStates, this.linkedCode, this.releases, this.links);
		}

	}

}
