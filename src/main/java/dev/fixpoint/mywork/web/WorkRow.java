package dev.fixpoint.mywork.web;

import java.time.LocalDate;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.SlaState;

/**
 * One bug in a My work list: the bug, its project's key and its status as the project's
 * workflow names it.
 *
 * @param statusCategory the CSS class suffix of the status badge (todo, in_progress,
 * done)
 */
public record WorkRow(Bug bug, String projectKey, String statusName, String statusCategory, LocalDate today) {

	public String url() {
		return "/bugs/" + this.bug.key();
	}

	public boolean overdue() {
		return this.bug.dueDate() != null && this.bug.dueDate().isBefore(this.today);
	}

	/** "due today", "due tomorrow", "due 2026-12-12", "overdue since 2026-12-01". */
	public String dueText() {
		LocalDate due = this.bug.dueDate();
		if (due == null) {
			return null;
		}
		if (overdue()) {
			return "overdue since " + due;
		}
		if (due.equals(this.today)) {
			return "due today";
		}
		return due.equals(this.today.plusDays(1)) ? "due tomorrow" : "due " + due;
	}

	/** At risk or breached: worth a badge. */
	public boolean slaWarning() {
		return this.bug.slaState() == SlaState.AT_RISK || this.bug.slaState() == SlaState.BREACHED;
	}

}
