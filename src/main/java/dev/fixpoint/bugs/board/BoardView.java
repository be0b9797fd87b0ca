package dev.fixpoint.bugs.board;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugCount;
import dev.fixpoint.bugs.EditRules;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.MoveFields;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.workflow.Workflow;

/**
 * What {@code bugs/board.jte} and its fragment {@code bugs/board-columns.jte} show.
 *
 * @param can what the caller may do in the project (viewers move nothing)
 * @param fields the inputs of the dialog (or, without JavaScript, the pending move's
 * form)
 * @param notice a message after a move: its reason when refused, else what happened
 * @param pending a move that needs more fields, asked for on the page (the dialog's job
 * when JavaScript runs)
 */
public record BoardView(Capabilities can, BoardFilters filters, List<Column> columns, MoveFields fields, Notice notice,
		PendingMove pending) {

	public String projectKey() {
		return this.can.projectKey();
	}

	/** Cards move at all (the workflow then decides which, per card). */
	public boolean canMove() {
		return this.can.transition();
	}

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
	public record Card(Bug bug, List<EditRules.Move> moves) {

		/** For board.js: the statuses this card may be dropped on, space-separated. */
		public String targets() {
			return this.moves.stream().map(EditRules.Move::to).collect(Collectors.joining(" "));
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

	/** A move that was refused for missing fields, shown again with inputs for them. */
	public record PendingMove(Bug bug, String to, List<String> fields, Map<String, String> typed) {
	}

	/** A message above the columns; {@code error} decides its colour. */
	public record Notice(String message, boolean error) {
	}

	public BoardView with(Notice message) {
		return new BoardView(this.can, this.filters, this.columns, this.fields, message, this.pending);
	}

	public String statusName(String key) {
		return this.columns.stream()
			.map(Column::status)
			.filter(s -> s.key().equals(key))
			.map(Workflow.Status::name)
			.findFirst()
			.orElse(key);
	}

	public String url() {
		return BugRoutes.board(projectKey());
	}

	public String moveUrl() {
		return BugRoutes.boardMove(projectKey());
	}

	public String bugUrl(Bug bug) {
		return BugRoutes.bug(bug.key());
	}

}
