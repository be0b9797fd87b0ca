package dev.fixpoint.bugs.retention;

import dev.fixpoint.bugs.ClosedBugRetention;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.projects.RetentionPolicy;

/**
 * The retention page: the saved policy, the form as typed, and what the policy (or the
 * previewed one) reaches now.
 *
 * @param saved the policy as stored
 * @param shown the policy whose count is shown: the saved one, or the previewed one
 * @param daysTyped the days as the form shows them (empty: keep)
 * @param notice "saved" or "preview" after a post, null otherwise
 */
public record RetentionView(Capabilities can, ClosedBugRetention.RetentionSettings saved,
		ClosedBugRetention.RetentionSettings shown, String daysTyped, String actionTyped, FormErrors errors,
		String notice) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String action() {
		return RetentionController.url(projectKey());
	}

	public boolean anonymiseChecked() {
		return !RetentionPolicy.DELETE.equals(this.actionTyped);
	}

	public String policyText() {
		if (this.saved.retentionDays() == null) {
			return "Closed bugs are kept.";
		}
		return "Closed bugs are " + verb(this.saved.policy()) + " " + days(this.saved.retentionDays())
				+ " after they were closed.";
	}

	/** "12 bugs would be deleted now", for the policy shown; empty when it keeps bugs. */
	public String dueText() {
		if (this.shown == null || this.shown.retentionDays() == null) {
			return "";
		}
		long due = this.shown.dueNow();
		return (due == 0 ? "No closed bug" : due == 1 ? "1 closed bug" : due + " closed bugs") + " would be "
				+ verb(this.shown.policy()) + (this.shown.dryRun() ? " by this policy" : "") + " if retention ran now.";
	}

	private static String verb(RetentionPolicy policy) {
		return policy.deletes() ? "deleted" : "anonymised";
	}

	private static String days(int days) {
		return days + (days == 1 ? " day" : " days");
	}

}
