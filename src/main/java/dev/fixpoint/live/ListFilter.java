package dev.fixpoint.live;

import dev.fixpoint.bugs.BugCriteria;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.projects.Membership;

/**
 * What a project stream's page shows: a bug list or board filtered by {@code request}
 * (its query string, as the page sends it), seen by {@code member}.
 */
record ListFilter(Membership member, BugListRequest request) {

	/** Whether it filters at all (an unfiltered list shows every bug of the project). */
	boolean filtered() {
		return this.request.filtered();
	}

	/**
	 * Lists that see the same bugs share this: the filters as a canonical query string,
	 * and the viewer when a filter names {@code me}.
	 */
	String group() {
		String filters = this.request.toBuilder().sort(null).cursor(null).limit(null).build().queryString();
		return names(this.request.assignee()) || names(this.request.reporter())
				? filters + "|" + this.member.user().id() : filters;
	}

	private static boolean names(String person) {
		return person != null && BugCriteria.ME.equalsIgnoreCase(person.strip());
	}

}
