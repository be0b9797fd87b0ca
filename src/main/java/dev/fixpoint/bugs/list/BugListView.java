package dev.fixpoint.bugs.list;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugCount;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.bulk.BulkSummary;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.workflow.Workflow;

/**
 * What {@code bugs/list.jte} and its fragment {@code bugs/results.jte} show.
 *
 * @param assignable members who may be assigned (admins and developers)
 * @param members every member (reporter filter)
 * @param errors messages of invalid filters, shown above the table
 * @param can what the caller may do in the project
 * @param bulkFields the fields of a bulk change the caller may set
 * ({@link dev.fixpoint.bugs.EditRules#bulkFields})
 * @param bulk what the last bulk change did, or null
 * @param count how many bugs match the filters (up to {@link BugCount#CAP}), or null on
 * later pages
 */
public record BugListView(Capabilities can, BugListRequest filters, BugListLinks links, Workflow workflow,
		List<UserSummary> assignable, List<UserSummary> members, List<Bug> bugs, BugCount count, String nextCursor,
		List<String> errors, Set<String> bulkFields, Instant now, BulkSummary bulk) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String projectName() {
		return this.can.projectName();
	}

	/**
	 * The row checkboxes and the bulk bar: only for members who may change something in
	 * bulk (never viewers).
	 */
	public boolean canBulk() {
		return !this.bulkFields.isEmpty();
	}

	/**
	 * A field of the bulk bar ({@code status}, {@code assignee_id}, …) the caller may
	 * set.
	 */
	public boolean canBulk(String field) {
		return this.bulkFields.contains(field);
	}

	/** "1 bug", "25 bugs", "1,000+ bugs". */
	public String countLabel() {
		return this.count.label() + (this.count.value() == 1 && !this.count.atLeast() ? " bug" : " bugs");
	}

	public String statusName(String status) {
		return this.workflow.status(status).map(Workflow.Status::name).orElse(status);
	}

	/** The CSS class suffix of a status badge: its category. */
	public String statusCategory(String status) {
		return this.workflow.categoryOf(status).json();
	}

	public String ago(Instant time) {
		return Dates.ago(time, this.now);
	}

	public String exact(Instant time) {
		return Dates.exact(time);
	}

	public boolean selected(List<String> values, String value) {
		return values.contains(value);
	}

	public boolean is(String param, String value) {
		return param != null && param.strip().equalsIgnoreCase(value);
	}

	public String value(String param) {
		return param == null ? "" : param;
	}

	/** Tag filter as typed: the API accepts several, comma-separated. */
	public String tags() {
		return String.join(", ", this.filters.tag());
	}

	public List<String> resolutions() {
		return dev.fixpoint.bugs.Resolution.VALUES;
	}

	public String resolutionLabel(String value) {
		return dev.fixpoint.bugs.Resolution.label(value);
	}

	public String bulkUrl() {
		return BugRoutes.bulk(projectKey());
	}

	public String savedFiltersUrl() {
		return BugRoutes.savedFilters(projectKey());
	}

	public String newBugUrl() {
		return BugRoutes.newBug(projectKey());
	}

	public String bugUrl(Bug bug) {
		return BugRoutes.bug(bug.key());
	}

}
