package dev.fixpoint.triage;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.EditRules;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.workflow.StatusCategory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bug's suggestions (severity, priority, assignee, possible duplicates), and what
 * people decide about them. Accepting is an ordinary edit of the bug by the person who
 * accepts (its permissions, history and events); both decisions are recorded for the
 * acceptance rate. Nothing here changes a bug by itself.
 */
@Service
@Transactional(readOnly = true)
public class Triage {

	private final BugQueries bugs;

	private final BugManagement management;

	private final ProjectAccess access;

	private final Suggester suggester;

	private final FeedbackRepository feedback;

	private final Clock clock;

	Triage(BugQueries bugs, BugManagement management, ProjectAccess access, Suggester suggester,
			FeedbackRepository feedback, Clock clock) {
		this.bugs = bugs;
		this.management = management;
		this.access = access;
		this.suggester = suggester;
		this.feedback = feedback;
		this.clock = clock;
	}

	/** The suggestions for a bug the caller may see (404 otherwise). */
	public Suggestions suggestions(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		return this.suggester.of(this.access.membership(bug.projectId(), user), bug);
	}

	/** What the caller may do with suggestions of this bug, for the page's controls. */
	public Allowed allowed(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user);
		return new Allowed(EditRules.mayEditTriage(member, bug), EditRules.mayAssign(member),
				duplicateMove(member, bug).isPresent());
	}

	/** Which kinds of suggestion the caller may accept. */
	public record Allowed(boolean triage, boolean assign, boolean resolveAsDuplicate) {

		public boolean any() {
			return this.triage || this.assign || this.resolveAsDuplicate;
		}

	}

	/**
	 * Accepts (applies, as the caller's own edit) or dismisses a suggestion, and records
	 * the decision. Returns the bug as it is afterwards.
	 */
	@Transactional
	public Bug decide(String bugRef, Feedback decision, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user);
		Allowed allowed = allowed(bugRef, user);
		if (!allowed.any()) {
			throw ForbiddenException.because("Your role cannot triage bugs in this project");
		}
		if (decision.decision() == Feedback.Decision.ACCEPTED) {
			bug = this.management.edit(bug.key(), BugRules.parsePatch(patch(member, bug, decision), null), user);
		}
		this.feedback.record(bug.projectId(), bug.id(), user.id(), decision, Times.now(this.clock));
		return bug;
	}

	/** The edit that accepting means: the same PATCH a person would send. */
	private Map<String, Object> patch(Membership member, Bug bug, Feedback decision) {
		String value = decision.value();
		return switch (decision.kind()) {
			case SEVERITY -> Map.of("severity", value);
			case PRIORITY -> Map.of("priority", value);
			case ASSIGNEE -> Map.of("assignee_id", value);
			case DUPLICATE -> {
				EditRules.Move move = duplicateMove(member, bug).orElseThrow(() -> InvalidInputException.of("kind",
						"this bug cannot be resolved as a duplicate from its status by you"));
				yield Map.of("status", move.to(), "resolution", "duplicate", "duplicate_of", value);
			}
		};
	}

	/**
	 * The first status change on offer to a done status that needs no field beyond the
	 * resolution and the original.
	 */
	private static Optional<EditRules.Move> duplicateMove(Membership member, Bug bug) {
		var workflow = member.project().workflow();
		return EditRules.moves(member, bug)
			.stream()
			.filter(m -> workflow.categoryOf(m.to()) == StatusCategory.DONE)
			.filter(m -> List.of("resolution", "duplicate_of").containsAll(m.missing()))
			.findFirst();
	}

}
