package dev.fixpoint.bugs.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugCount;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.TransitionPolicy;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Component;

/**
 * Assembles the board: one bounded query per status (open work up to {@link #OPEN_LIMIT}
 * cards by priority, done columns the {@link #DONE_LIMIT} most recently updated), counts
 * per status, and per card the moves the caller may make, decided by the workflow's
 * {@link TransitionPolicy}.
 */
@Component
class BoardPages {

	static final int OPEN_LIMIT = 50;

	static final int DONE_LIMIT = 20;

	private final BugQueries queries;

	private final ProjectAccess access;

	private final ProjectComponents components;

	BoardPages(BugQueries queries, ProjectAccess access, ProjectComponents components) {
		this.queries = queries;
		this.access = access;
		this.components = components;
	}

	BoardView view(String projectRef, BoardFilters filters, CurrentUser user, BoardView.Notice notice,
			BoardView.PendingMove pending) {
		Membership member = this.access.membership(projectRef, user);
		Workflow workflow = member.project().workflow();
		String key = member.project().key();
		Map<String, BugCount> counts = this.queries.countByStatus(key, filters.params(null, null, 1), user);
		List<BoardView.Column> columns = new ArrayList<>();
		for (Workflow.Status status : workflow.statuses()) {
			boolean done = status.category() == StatusCategory.DONE;
			BugCount count = counts.getOrDefault(status.key(), BugCount.ZERO);
			List<Bug> bugs = count.isZero() ? List.of()
					: this.queries
						.list(key,
								filters.params(status.key(), done ? "-updated" : "-priority",
										done ? DONE_LIMIT : OPEN_LIMIT),
								user)
						.items();
			List<BoardView.Card> cards = bugs.stream().map(b -> new BoardView.Card(b, moves(member, b))).toList();
			columns.add(new BoardView.Column(status, count, cards,
					count.value() > cards.size() ? filters.listUrl(key, status.key()) : null));
		}
		return new BoardView(key, member.project().name(), filters, columns, member.can(ProjectAction.CHANGE_STATUS),
				member.can(ProjectAction.MANAGE_PROJECT), user.id().toString(),
				this.components.list(member.projectId()), notice, pending);
	}

	/**
	 * What the caller may do with {@code bug}: the same decision the status endpoint
	 * makes, fields aside.
	 */
	static List<BoardView.Move> moves(Membership member, Bug bug) {
		if (!member.can(ProjectAction.CHANGE_STATUS)) {
			return List.of();
		}
		Workflow workflow = member.project().workflow();
		boolean isAssignee = bug.assignee() != null && bug.assignee().id().equals(member.user().id());
		return TransitionPolicy
			.allowedTransitions(workflow, bug.status(), member.role().key(), bug.assignee() == null || isAssignee,
					isAssignee)
			.stream()
			.map(t -> new BoardView.Move(t.to(), t.name(), workflow.nameOf(t.to()), missing(t, bug)))
			.toList();
	}

	/** The fields {@code transition} requires that {@code bug} has no value for. */
	static List<String> missing(Workflow.Transition transition, Bug bug) {
		Set<String> required = new java.util.LinkedHashSet<>(transition.requiredFields());
		transition.rules().stream().map(Workflow.Rule::fieldRequired).filter(f -> f != null).forEach(required::add);
		return BoardView.FIELD_ORDER.stream().filter(required::contains).filter(f -> !filled(bug, f)).toList();
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
