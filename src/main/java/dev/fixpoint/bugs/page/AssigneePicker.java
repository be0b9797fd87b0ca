package dev.fixpoint.bugs.page;

import java.util.List;
import java.util.stream.Stream;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.web.BugRoutes;

/**
 * What {@code bugs/page/assignee-picker.jte} shows: the assignee select of a bug page,
 * loaded when someone opens it (a project has hundreds of members; a page that listed
 * them all spent a third of its time on the options).
 *
 * @param assignable the members who can work on bugs
 */
public record AssigneePicker(String bugKey, int version, UserSummary assignee, List<UserSummary> assignable) {

	/** The element the closed picker's link is swapped into. */
	public static final String ID = "assignee-picker";

	/** Assignable members, plus the current assignee if they no longer are. */
	public List<UserSummary> choices() {
		if (this.assignee == null || this.assignable.stream().anyMatch(u -> u.id().equals(this.assignee.id()))) {
			return this.assignable;
		}
		return Stream.concat(Stream.of(this.assignee), this.assignable.stream()).toList();
	}

	public boolean isAssignee(UserSummary user) {
		return this.assignee != null && this.assignee.id().equals(user.id());
	}

	public String action() {
		return BugRoutes.field(this.bugKey, "assignee_id");
	}

	/** The picker, opened: the fragment for htmx, the bug page with it open otherwise. */
	public static String url(String bugKey) {
		return BugRoutes.bug(bugKey) + "/assignee";
	}

}
