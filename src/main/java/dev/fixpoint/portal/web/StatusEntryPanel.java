package dev.fixpoint.portal.web;

import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.portal.BugStatusEntry;

/**
 * The bug page's status page panel (project admins only, like the rule that lets them
 * publish): publish the bug as a public entry with public wording, change the wording,
 * take it down.
 */
public record StatusEntryPanel(BugStatusEntry bug, String statusUrl, PublishForm form, FormErrors errors,
		String notice) {

	public static final String ID = "status-entry";

	public static String url(String bugKey) {
		return "/bugs/" + bugKey + "/status-entry";
	}

	public String action() {
		return url(this.bug.bugKey());
	}

	public String takeDownAction() {
		return url(this.bug.bugKey()) + "/delete";
	}

	public boolean published() {
		return this.bug.entry() != null;
	}

	/** The public entry's address on the status page. */
	public String entryUrl() {
		return this.statusUrl == null || this.bug.entry() == null ? null
				: this.statusUrl + "#entry-" + this.bug.entry().id();
	}

	/**
	 * What the form shows: what was typed, else the entry's wording, else the bug's
	 * title.
	 */
	static PublishForm formFor(BugStatusEntry bug) {
		if (bug.entry() == null) {
			return new PublishForm(bug.bugKey(), bug.bugTitle(), "", "");
		}
		return new PublishForm(bug.bugKey(), bug.entry().title(), bug.entry().note(),
				bug.entry().eta() == null ? "" : bug.entry().eta().toString());
	}

}
