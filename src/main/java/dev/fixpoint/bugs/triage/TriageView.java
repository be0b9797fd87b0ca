package dev.fixpoint.bugs.triage;

import java.time.Instant;
import java.util.List;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.projects.Capabilities;

/**
 * What {@code bugs/triage.jte} shows: unassigned bugs in the workflow's to-do statuses,
 * most severe then oldest first, one keyset page at a time.
 *
 * @param can what the caller may do in the project (assign: admins and developers)
 * @param cursor the page shown (null for the first)
 * @param errors why the last assignment failed
 */
public record TriageView(Capabilities can, List<Bug> bugs, String cursor, String nextCursor,
		List<UserSummary> assignable, List<String> errors, Instant now) {

	public String projectKey() {
		return this.can.projectKey();
	}

	/** The caller may assign bugs (admins and developers). */
	public boolean canAssign() {
		return this.can.assign();
	}

	public String url() {
		return BugRoutes.triage(projectKey());
	}

	public String assignUrl() {
		return BugRoutes.triageAssign(projectKey());
	}

	/** This page again (after an assignment without JavaScript). */
	public String pageUrl() {
		return url() + (this.cursor == null ? "" : "?cursor=" + this.cursor);
	}

	public String nextUrl() {
		return url() + "?cursor=" + this.nextCursor;
	}

	public String bugUrl(Bug bug) {
		return BugRoutes.bug(bug.key());
	}

	public String ago(Instant time) {
		return Dates.ago(time, this.now);
	}

	public String exact(Instant time) {
		return Dates.exact(time);
	}

}
