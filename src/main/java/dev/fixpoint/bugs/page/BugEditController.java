package dev.fixpoint.bugs.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugChanges;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.VersionConflictException;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.Flash;
import dev.fixpoint.bugs.web.MoveFields;
import dev.fixpoint.bugs.web.Notice;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;

import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Editing a bug from its page: one field inline, a status change, or the whole report.
 * htmx gets the updated bug fragment; a plain form post is redirected back to the page
 * (PRG). Failures show on the page with what was typed; a stale version shows the current
 * bug and a way to re-apply the change.
 */
@Controller
class BugEditController {

	/**
	 * The fields that have an inline form (form value → {@code BugRules.parseFormField}).
	 */
	private static final Set<String> INLINE_FIELDS = Set.of("title", "severity", "priority", "assignee_id", "due_date",
			"component", "tags", "verified_by", "fixed_in", "affects");

	private final BugManagement management;

	private final BugPages pages;

	BugEditController(BugManagement management, BugPages pages) {
		this.management = management;
		this.pages = pages;
	}

	@PostMapping("/bugs/{bug}/fields/{field}")
	ModelAndView editField(@PathVariable String bug, @PathVariable String field,
			@RequestParam(required = false) String value, @RequestParam(required = false) Integer version,
			HtmxRequest htmx, @Authenticated CurrentUser user, HttpServletResponse response) {
		if (!INLINE_FIELDS.contains(field)) {
			throw NotFoundException.of("Field");
		}
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put(field, value == null ? "" : value);
		Attempt attempt = new Attempt(
				HistoryLines.label(field.replace("_id", "")) + " → "
						+ (value == null || value.isBlank() ? "(none)" : value),
				BugRoutes.field(bug, field), typed, null, field);
		return apply(bug, () -> BugRules.parseFormField(field, value, version), attempt, htmx, user, response);
	}

	/**
	 * A status change, with the fields its transition requires as {@code set.<field>}
	 * (the shared dialog's and the board's names); {@code resolution},
	 * {@code verified_by} and {@code duplicate_of} are also read bare (the "re-apply my
	 * change" form).
	 */
	@PostMapping("/bugs/{bug}/status")
	ModelAndView changeStatus(@PathVariable String bug, @RequestParam String status,
			@RequestParam(required = false) Integer version, @RequestParam MultiValueMap<String, String> form,
			HtmxRequest htmx, @Authenticated CurrentUser user, HttpServletResponse response) {
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("status", status);
		for (String bare : List.of("resolution", "verified_by", "duplicate_of")) {
			String value = form.getFirst(bare);
			if (value != null && !value.isBlank()) {
				typed.put(bare, value);
			}
		}
		typed.putAll(MoveFields.typed(form));
		Map<String, Object> body = MoveFields.patch(typed);
		body.put("version", version);
		Attempt attempt = new Attempt("status → " + status, BugRoutes.status(bug), typed, null, "status");
		return apply(bug, () -> BugRules.parsePatch(body, null), attempt, htmx, user, response);
	}

	@PostMapping("/bugs/{bug}/report")
	ModelAndView editReport(@PathVariable String bug, ReportForm form, HtmxRequest htmx,
			@Authenticated CurrentUser user, HttpServletResponse response) {
		boolean withTags = this.pages.view(bug, user, null, Notice.NONE).can().editFields();
		Attempt attempt = new Attempt("the report", BugRoutes.report(bug), Map.of(), form, "report");
		return apply(bug, () -> BugRules.parsePatch(form.toPatch(withTags), null), attempt, htmx, user, response);
	}

	/** What the user tried, to show it again: as typed values, or as the report form. */
	/**
	 * @param field what was changed: a field, {@code status} or {@code report}
	 */
	private record Attempt(String summary, String action, Map<String, String> typed, ReportForm report, String field) {
	}

	/** The toast after a change: what was saved, in words ("Priority set to P1"). */
	static String saved(String field, BugPageView view) {
		Bug bug = view.bug();
		return switch (field) {
			case "status" -> bug.key() + " moved to " + view.statusName();
			case "report" -> "Report saved";
			case "title" -> "Title saved";
			case "severity" -> "Severity set to " + bug.severity().label();
			case "priority" -> "Priority set to " + bug.priority().key();
			case "assignee_id" -> bug.assignee() == null ? bug.key() + " unassigned"
					: bug.key() + " assigned to " + bug.assignee().name();
			case "due_date" -> bug.dueDate() == null ? "Due date cleared" : "Due date set to " + bug.dueDate();
			case "component" -> bug.component() == null ? "Component cleared" : "Component set to " + bug.component();
			case "verified_by" ->
				bug.verifiedBy() == null ? "Verification cleared" : "Fix verified by " + bug.verifiedBy().name();
			case "tags" -> "Tags saved";
			default -> "Saved";
		};
	}

	private ModelAndView apply(String bugRef, Supplier<BugChanges> changes, Attempt attempt, HtmxRequest htmx,
			CurrentUser user, HttpServletResponse response) {
		return switch (Forms.alsoInForm(ForbiddenException.class)
			.submit(() -> this.management.edit(bugRef, changes.get(), user))) {
			case Accepted<Bug>(Bug updated) when !htmx.request() ->
				new ModelAndView("redirect:" + BugRoutes.bug(updated.key()));
			case Accepted<Bug>(Bug updated) -> {
				BugPageView view = this.pages.view(updated, user, null, Notice.NONE);
				Flash.send(response, saved(attempt.field(), view));
				yield BugPageController.render(view, htmx);
			}
			case Rejected<Bug> rejected when rejected.refusal() instanceof VersionConflictException stale ->
				refused(this.pages.view(stale.current(), user, editing(attempt, stale.current()), conflict(attempt)),
						rejected, htmx);
			case Rejected<Bug> rejected -> refused(this.pages.view(bugRef, user, attempt.report(),
					new Notice(rejected.errors().sentences(), attempt.typed(), null)), rejected, htmx);
		};
	}

	/**
	 * A stale version: the page shows the bug as it is now, what the user tried, and a
	 * way to re-apply it.
	 */
	private static Notice conflict(Attempt attempt) {
		Notice.Conflict conflict = attempt.report() != null ? new Notice.Conflict(attempt.summary(), null, Map.of())
				: new Notice.Conflict(attempt.summary(), attempt.action(), attempt.typed());
		String message = "Someone else changed this bug while you were looking at it. It now shows their version."
				+ (attempt.report() == null ? "" : " Your text is still in the form: review it and save again.");
		return new Notice(List.of(message), Map.of(), conflict);
	}

	private static ReportForm editing(Attempt attempt, Bug current) {
		return attempt.report() == null ? null : attempt.report().withVersion(current.version());
	}

	private static ModelAndView refused(BugPageView view, Rejected<Bug> rejected, HtmxRequest htmx) {
		ModelAndView mav = BugPageController.render(view, htmx);
		mav.setStatus(rejected.status(htmx));
		return mav;
	}

}
