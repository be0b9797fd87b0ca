package dev.fixpoint.bugs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectRole;
import dev.fixpoint.workflow.TransitionPolicy;
import dev.fixpoint.workflow.Workflow;
import dev.fixpoint.workflow.WorkflowValidator;

/**
 * Who may change which field of a bug, and which status changes a member may offer: the
 * one place both {@link BugManagement#edit} (which refuses with 403) and the pages (which
 * render only what would be accepted) ask. Built on the role table
 * ({@link ProjectAction}) and the workflow's {@link TransitionPolicy}.
 */
public final class EditRules {

	private EditRules() {
	}

	/**
	 * Why {@code member} may not change {@code field} of a bug reported by
	 * {@code reporterId}, or empty: viewers nothing; QA only the report fields of their
	 * own bugs, plus status and verification.
	 */
	static Optional<String> refusal(Membership member, UUID reporterId, BugField field) {
		return switch (field) {
			case STATUS, RESOLUTION, DUPLICATE_OF -> member.refusal(ProjectAction.CHANGE_STATUS);
			case VERIFIED_BY -> member.refusal(ProjectAction.VERIFY_FIX);
			case ASSIGNEE -> member.refusal(ProjectAction.ASSIGN);
			default -> member.refusal(ProjectAction.EDIT_BUG).or(() -> qaRefusal(member, reporterId, field));
		};
	}

	private static Optional<String> qaRefusal(Membership member, UUID reporterId, BugField field) {
		if (member.role() != ProjectRole.QA) {
			return Optional.empty();
		}
		if (!member.user().id().equals(reporterId)) {
			return Optional.of("QA engineers can only edit bugs they reported");
		}
		if (!BugField.REPORT_FIELDS.contains(field)) {
			return Optional.of("QA engineers can only edit the report itself "
					+ "(title, description, reproduction steps, environment), not " + field.api());
		}
		return Optional.empty();
	}

	private static boolean allows(Membership member, Bug bug, BugField field) {
		return refusal(member, bug.reporter() == null ? null : bug.reporter().id(), field).isEmpty();
	}

	/** Title and the report's texts. */
	public static boolean mayEditReport(Membership member, Bug bug) {
		return allows(member, bug, BugField.TITLE);
	}

	/** Severity, priority, component, tags, due date. */
	public static boolean mayEditTriage(Membership member, Bug bug) {
		return allows(member, bug, BugField.SEVERITY);
	}

	/**
	 * Why {@code member} may not add or remove links of a bug of their project, or empty:
	 * admins and developers may (those who edit every field), QA engineers and viewers
	 * not.
	 */
	public static Optional<String> linkRefusal(Membership member) {
		return member.refusal(ProjectAction.EDIT_BUG)
			.or(() -> member.role() == ProjectRole.QA ? Optional.of("QA engineers cannot link bugs")
					: Optional.empty());
	}

	/** Adding and removing links (the Relations section's controls). */
	public static boolean mayLink(Membership member) {
		return linkRefusal(member).isEmpty();
	}

	public static boolean mayAssign(Membership member) {
		return member.refusal(ProjectAction.ASSIGN).isEmpty();
	}

	/**
	 * The fields of a bulk change ({@code status}, {@code assignee_id}, {@code severity},
	 * …) the member may set on at least the bugs they reported.
	 */
	public static Set<String> bulkFields(Membership member) {
		Set<String> fields = new LinkedHashSet<>();
		for (BugField field : List.of(BugField.STATUS, BugField.RESOLUTION, BugField.ASSIGNEE, BugField.SEVERITY,
				BugField.PRIORITY, BugField.TAGS, BugField.FIXED_IN)) {
			if (refusal(member, member.user().id(), field).isEmpty()) {
				fields.add(field.api());
			}
		}
		return fields;
	}

	/**
	 * "Verify fix" on its own: a bug in a done status nobody verified yet.
	 */
	public static boolean mayVerify(Membership member, Bug bug) {
		return allows(member, bug, BugField.VERIFIED_BY) && bug.verifiedBy() == null
				&& member.project().workflow().categoryOf(bug.status()) == dev.fixpoint.workflow.StatusCategory.DONE;
	}

	/**
	 * The status changes {@code member} may take on {@code bug} now, each with the fields
	 * it still needs: the workflow's decision ({@link TransitionPolicy}), less the
	 * transitions needing a field the member may not set (a QA engineer cannot fill a
	 * required assignee).
	 */
	public static List<Move> moves(Membership member, Bug bug) {
		if (!member.can(ProjectAction.CHANGE_STATUS)) {
			return List.of();
		}
		Workflow workflow = member.project().workflow();
		boolean isAssignee = bug.assignee() != null && bug.assignee().id().equals(member.user().id());
		return TransitionPolicy
			.allowedTransitions(workflow, bug.status(), member.role().key(), bug.assignee() == null || isAssignee,
					isAssignee)
			.stream()
			.map(t -> new Move(t.to(), t.name(), workflow.nameOf(t.to()), missing(t, bug)))
			.filter(m -> m.missing().stream().allMatch(f -> mayFill(member, bug, f)))
			.toList();
	}

	private static boolean mayFill(Membership member, Bug bug, String requirable) {
		Optional<BugField> field = "assignee".equals(requirable) ? Optional.of(BugField.ASSIGNEE)
				: BugField.fromApi(requirable);
		return field.map(f -> allows(member, bug, f)).orElse(false);
	}

	/**
	 * A status change on offer.
	 *
	 * @param to the target status
	 * @param name the transition's name ("Resolve")
	 * @param toName the target status's name
	 * @param missing fields the transition requires that the bug has no value for, in
	 * {@link WorkflowValidator#REQUIRABLE_FIELDS} order
	 */
	public record Move(String to, String name, String toName, List<String> missing) {
	}

	/** The fields {@code transition} requires that {@code bug} has no value for. */
	static List<String> missing(Workflow.Transition transition, Bug bug) {
		Set<String> required = new LinkedHashSet<>(transition.requiredFields());
		transition.rules().stream().map(Workflow.Rule::fieldRequired).filter(f -> f != null).forEach(required::add);
		return WorkflowValidator.REQUIRABLE_FIELDS.stream()
			.filter(required::contains)
			.filter(f -> !filled(bug, f))
			.toList();
	}

	private static boolean filled(Bug bug, String field) {
		Object value = switch (field) {
			case "resolution" -> bug.resolution();
			case "verified_by" -> bug.verifiedBy();
			case "assignee" -> bug.assignee();
			case "steps_to_reproduce" -> bug.stepsToReproduce();
			case "expected_behavior" -> bug.expectedBehavior();
			case "actual_behavior" -> bug.actualBehavior();
			case "description" -> bug.description();
			case "due_date" -> bug.dueDate();
			case "component" -> bug.component();
			default -> null;
		};
		return value != null && !(value instanceof String s && s.isBlank());
	}

}
