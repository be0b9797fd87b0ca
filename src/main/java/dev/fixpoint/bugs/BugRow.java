package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code bugs} with its project key, grouped as edits change it: the report
 * text, the triage fields and the workflow progress change through {@link BugEditor};
 * tracking is kept by other modules; stamps by the database. Never leaves the module.
 */
record BugRow(UUID id, UUID projectId, String projectKey, int number, UUID reporterId, ReportText report, Triage triage,
		Progress progress, Tracking tracking, Stamps stamps) {

	/** The bug being filed with the number its insert drew. */
	BugRow numbered(int number) {
		return new BugRow(this.id, this.projectId, this.projectKey, number, this.reporterId, this.report, this.triage,
				this.progress, this.tracking, this.stamps);
	}

	/** The bug being filed, in {@code status} instead. */
	BugRow filedIn(String status) {
		return new BugRow(this.id, this.projectId, this.projectKey, this.number, this.reporterId, this.report,
				this.triage, Progress.filed(status), this.tracking, this.stamps);
	}

	/** How bad, how urgent, who works on it and where it belongs. */
	record Triage(Severity severity, Priority priority, UUID assigneeId, UUID componentId, List<String> tags,
			LocalDate dueDate, UUID fixedIn, UUID affects) {

		Triage withPriority(Priority to) {
			return new Triage(this.severity, to, this.assigneeId, this.componentId, this.tags, this.dueDate,
					this.fixedIn, this.affects);
		}

	}

	/**
	 * Where the bug stands in its workflow and how it ended; the timestamps follow the
	 * status category.
	 */
	record Progress(String status, String resolution, UUID verifiedBy, UUID duplicateOf, Instant resolvedAt,
			Instant closedAt) {

		/** A bug just filed in {@code status}. */
		static Progress filed(String status) {
			return new Progress(status, null, null, null, null, null);
		}

		/** Back to an open status: the fix is no longer claimed. */
		Progress reopened() {
			return filed(this.status);
		}

		Progress at(Instant resolved, Instant closed) {
			return new Progress(this.status, this.resolution, this.verifiedBy, this.duplicateOf, resolved, closed);
		}

	}

	/**
	 * What other modules keep on the row (the SLA clock, GitHub links); an edit carries
	 * it over untouched.
	 */
	record Tracking(Instant slaDueAt, SlaState slaState, String githubIssueUrl, List<Object> linkedPrs) {
	}

	/** The optimistic-locking version and when the row was written first and last. */
	record Stamps(int version, Instant createdAt, Instant updatedAt) {
	}

	String key() {
		return this.projectKey + "-" + this.number;
	}

	BugRow with(ReportText report, Triage triage, Progress progress) {
		return new BugRow(this.id, this.projectId, this.projectKey, this.number, this.reporterId, report, triage,
				progress, this.tracking, this.stamps);
	}

	BugRow with(Triage triage) {
		return with(this.report, triage, this.progress);
	}

	BugRow with(Progress progress) {
		return with(this.report, this.triage, progress);
	}

	BugRow withUpdatedAt(Instant at) {
		return new BugRow(this.id, this.projectId, this.projectKey, this.number, this.reporterId, this.report,
				this.triage, this.progress, this.tracking,
				new Stamps(this.stamps.version(), this.stamps.createdAt(), at));
	}

}
