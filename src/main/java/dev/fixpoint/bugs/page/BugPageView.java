package dev.fixpoint.bugs.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.EditRules;
import dev.fixpoint.bugs.RenderedReport;
import dev.fixpoint.bugs.Resolution;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.MoveFields;
import dev.fixpoint.bugs.web.Notice;
import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.workflow.Workflow;

/**
 * What {@code bugs/detail.jte} and its fragment {@code bugs/bug.jte} show.
 *
 * @param transitions the status changes the caller may make now, each with the fields it
 * still needs ({@link EditRules#moves})
 * @param report the report's texts as markdown
 * @param activity the timeline (history and comments) and the comment form
 * @param picker the assignee select when it is open (loaded on demand), else null
 * @param editing the "Edit report" form when it is open, else null
 * @param releases the names of the project's releases that are not archived (the
 * sidebar's fixed in and affects)
 */
public record BugPageView(Bug bug, String projectName, Workflow workflow, BugPermissions can,
		List<EditRules.Move> transitions, AssigneePicker picker, List<ProjectComponent> components,
		RenderedReport report, Activity activity, ReportForm editing, Notice notice, UUID me, Instant now,
		List<String> releases) {

	/** The releases to pick from, with the bug's own even when it is archived. */
	public List<String> releaseChoices(String current) {
		if (current == null || this.releases.contains(current)) {
			return this.releases;
		}
		return Stream.concat(this.releases.stream(), Stream.of(current)).toList();
	}

	/** The project's bugs with the same release in this field. */
	public String releaseListUrl(String field, String release) {
		return BugRoutes.list(projectKey()) + "?" + field + "="
				+ java.net.URLEncoder.encode(release, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The pull/merge requests and commits that name this bug ({@code linked_prs}). */
	public List<dev.fixpoint.bugs.LinkedCode> linkedCode() {
		return this.bug.linkedPrs()
			.stream()
			.filter(Map.class::isInstance)
			.map(Map.class::cast)
			.map(m -> new dev.fixpoint.bugs.LinkedCode(str(m.get("kind")), str(m.get("forge")),
					str(m.get("repository")), str(m.get("number")), str(m.get("title")), str(m.get("url")),
					str(m.get("state")), str(m.get("author")), str(m.get("branch"))))
			.toList();
	}

	private static String str(Object value) {
		return value == null ? "" : value.toString();
	}

	public String projectKey() {
		return this.bug.key().substring(0, this.bug.key().lastIndexOf('-'));
	}

	public String statusName() {
		return this.workflow.status(this.bug.status()).map(Workflow.Status::name).orElse(this.bug.status());
	}

	public String statusCategory() {
		return this.workflow.categoryOf(this.bug.status()).json();
	}

	public String statusName(String key) {
		return this.workflow.status(key).map(Workflow.Status::name).orElse(key);
	}

	/**
	 * The status change being asked about on the page: the one chosen without JavaScript
	 * ({@code ?move=}) or the last refused one, when it needs fields; else null.
	 */
	public EditRules.Move pending() {
		String to = this.notice.typed("status");
		return to == null ? null
				: this.transitions.stream()
					.filter(m -> m.to().equals(to) && !m.missing().isEmpty())
					.findFirst()
					.orElse(null);
	}

	/** The inputs of the dialog and of the pending move's form. */
	public MoveFields moveFields() {
		return new MoveFields(this.components, meId(), this.notice.typed());
	}

	/**
	 * "Verify fix" on its own, unless a status change on offer asks for the verification
	 * itself (Close: "verified by me").
	 */
	public boolean verifyOnItsOwn() {
		return this.can.verify() && this.transitions.stream().noneMatch(m -> m.missing().contains("verified_by"));
	}

	public String moveUrl(EditRules.Move move) {
		return BugRoutes.move(this.bug.key(), move.to());
	}

	/** "resolution,verified_by": what move-dialog.js asks for. */
	public String needs(EditRules.Move move) {
		return String.join(",", move.missing());
	}

	public List<String> resolutions() {
		return Resolution.VALUES;
	}

	public String resolutionLabel(String value) {
		return Resolution.label(value);
	}

	public String initial(UserSummary user) {
		return user.name().isEmpty() ? "?" : user.name().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
	}

	/** OS, browser and version first, then the rest as reported. */
	public Map<String, String> environment() {
		Map<String, String> ordered = new java.util.LinkedHashMap<>();
		Stream.of("os", "browser", "version")
			.filter(this.bug.environment()::containsKey)
			.forEach(k -> ordered.put(k, this.bug.environment().get(k)));
		ordered.putAll(this.bug.environment());
		return ordered;
	}

	public boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	/** The value typed in the last failed attempt, else the bug's own. */
	public String shown(String field, String current) {
		String typed = this.notice.typed(field);
		return typed != null ? typed : current == null ? "" : current;
	}

	public String ago(Instant time) {
		return Dates.ago(time, this.now);
	}

	public String exact(Instant time) {
		return Dates.exact(time);
	}

	public String meId() {
		return this.me.toString();
	}

	public String url() {
		return BugRoutes.bug(this.bug.key());
	}

}
