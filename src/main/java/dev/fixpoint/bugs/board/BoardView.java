package dev.fixpoint.bugs.board;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugCount;
import dev.fixpoint.bugs.Resolution;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.Notice;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.workflow.Workflow;
import dev.fixpoint.workflow.WorkflowValidator;

/**
 * What {@code bugs/board.jte} and its fragment {@code bugs/board-columns.jte} show.
 *
 * @param canMove the caller may change statuses at all (viewers may not)
 * @param projectAdmin shows the workflow link in the project navigation
 * @param notice a message after a move: its reason when refused, else what happened
 * @param pending a move that needs more fields, asked for on the page (the dialog's job
 * when JavaScript runs)
 */
public record BoardView(String projectKey, String projectName, BoardFilters filters, List<Column> columns,
		boolean canMove, boolean projectAdmin, String meId, List<ProjectComponent> components, Notice notice,
		PendingMove pending) {

	/**
	 * @param moreUrl the bug list with this status, when the column shows only some of
	 * its bugs
	 */
	public record Column(Workflow.Status status, BugCount count, List<Card> cards, String moreUrl) {

		public String category() {
			return this.status.category().json();
		}

		public boolean truncated() {
			return this.count.value() > this.cards.size();
		}

	}

	/** A bug on the board and the statuses the caller may move it to. */
	public record Card(Bug bug, List<Move> moves) {

		/** For board.js: the statuses this card may be dropped on, space-separated. */
		public String targets() {
			return this.moves.stream().map(Move::to).collect(Collectors.joining(" "));
		}

		/**
		 * For board.js: {@code status:field,field status:field} for moves that need
		 * fields the bug lacks.
		 */
		public String needs() {
			return this.moves.stream()
				.filter(m -> !m.missing().isEmpty())
				.map(m -> m.to() + ":" + String.join(",", m.missing()))
				.collect(Collectors.joining(" "));
		}

		public String initial() {
			String name = this.bug.assignee() == null ? "" : this.bug.assignee().name();
			return name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * @param missing fields the transition requires that the bug does not have yet
	 */
	public record Move(String to, String name, String toName, List<String> missing) {
	}

	/** A move that was refused for missing fields, shown again with inputs for them. */
	public record PendingMove(Bug bug, String to, List<String> fields, Map<String, String> typed) {
	}

	/** A message above the columns; {@code error} decides its colour. */
	public record Notice(String message, boolean error) {
	}

	public String statusName(String key) {
		return this.columns.stream()
			.map(Column::status)
			.filter(s -> s.key().equals(key))
			.map(Workflow.Status::name)
			.findFirst()
			.orElse(key);
	}

	public String typed(String field) {
		return this.pending == null ? "" : this.pending.typed().getOrDefault(field, "");
	}

	public String url() {
		return BugRoutes.board(this.projectKey);
	}

	public String moveUrl() {
		return BugRoutes.boardMove(this.projectKey);
	}

	public String bugUrl(Bug bug) {
		return BugRoutes.bug(bug.key());
	}

	public List<String> resolutions() {
		return Resolution.VALUES;
	}

	public String resolutionLabel(String value) {
		return Resolution.label(value);
	}

	/** Every field a transition can require, in the order the forms ask for them. */
	public List<String> allFields() {
		return FIELD_ORDER;
	}

	public String fieldLabel(String field) {
		return switch (field) {
			case "verified_by" -> "Verified by";
			case "steps_to_reproduce" -> "Steps to reproduce";
			case "expected_behavior" -> "Expected behavior";
			case "actual_behavior" -> "Actual behavior";
			case "due_date" -> "Due date";
			default -> Character.toUpperCase(field.charAt(0)) + field.substring(1).replace('_', ' ');
		};
	}

	public boolean textField(String field) {
		return List.of("steps_to_reproduce", "expected_behavior", "actual_behavior", "description").contains(field);
	}

	static final List<String> FIELD_ORDER = WorkflowValidator.REQUIRABLE_FIELDS;

}
