package dev.fixpoint.bugs.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugCount;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.EditRules;
import dev.fixpoint.bugs.web.MoveFields;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Component;

/**
 * Assembles the board: one bounded query per status (open work up to {@link #OPEN_LIMIT}
 * cards by priority, done columns the {@link #DONE_LIMIT} most recently updated), counts
 * per status, and per card the moves the caller may make, decided by
 * {@link EditRules#moves} (the workflow's own rules).
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
		return new BoardView(member.capabilities(), filters, columns,
				new MoveFields(this.components.list(member.projectId()), user.id().toString(),
						pending == null ? Map.of() : pending.typed()),
				notice, pending);
	}

	/**
	 * What the caller may do with {@code bug}: the same decision the status endpoint
	 * makes, fields aside.
	 */
	static List<EditRules.Move> moves(Membership member, Bug bug) {
		return EditRules.moves(member, bug);
	}

}
