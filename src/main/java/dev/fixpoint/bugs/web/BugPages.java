package dev.fixpoint.bugs.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.projects.ProjectRole;
import dev.fixpoint.workflow.TransitionPolicy;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Component;

/** Assembles a bug page: the bug, what the caller may do with it, the pickers and the history. */
@Component
class BugPages {

	private final BugQueries queries;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final ProjectComponents components;

	BugPages(BugQueries queries, ProjectAccess access, ProjectMembers members, ProjectComponents components) {
		this.queries = queries;
		this.access = access;
		this.members = members;
		this.components = components;
	}

	BugPageView view(String bugRef, CurrentUser user, ReportForm editing, Notice notice) {
		return view(this.queries.find(bugRef, user), user, editing, notice);
	}

	BugPageView view(Bug bug, CurrentUser user, ReportForm editing, Notice notice) {
		Membership member = this.access.membership(bug.projectId(), user);
		List<Member> people = this.members.list(member.projectId());
		Workflow workflow = member.project().workflow();
		return new BugPageView(bug, member.project().name(), workflow, permissions(member, bug),
				transitions(member, bug), people.stream().filter(m -> BugManagement.canWorkBugs(m.role())).map(Member::user).toList(),
				this.components.list(member.projectId()), history(bug, user, workflow, people), editing, notice,
				user.id(), Instant.now());
	}

	List<HistoryLine> history(String bugRef, CurrentUser user) {
		Bug bug = this.queries.find(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user);
		return history(bug, user, member.project().workflow(), this.members.list(member.projectId()));
	}

	private List<HistoryLine> history(Bug bug, CurrentUser user, Workflow workflow, List<Member> people) {
		Map<String, String> names = new HashMap<>();
		Stream.concat(people.stream().map(Member::user), Stream.of(bug.reporter(), bug.assignee(), bug.verifiedBy()))
			.filter(u -> u != null)
			.forEach(u -> names.put(u.id().toString(), u.name()));
		return HistoryLines.of(bug, this.queries.history(bug.id().toString(), user), workflow, names, Instant.now());
	}

	private static BugPermissions permissions(Membership member, Bug bug) {
		boolean qa = member.role() == ProjectRole.QA;
		UserSummary reporter = bug.reporter();
		boolean reportedByMe = reporter != null && reporter.id().equals(member.user().id());
		boolean edit = member.can(ProjectAction.EDIT_BUG);
		return new BugPermissions(edit && (!qa || reportedByMe), edit && !qa, member.can(ProjectAction.ASSIGN));
	}

	private static List<Workflow.Transition> transitions(Membership member, Bug bug) {
		if (!member.can(ProjectAction.CHANGE_STATUS)) {
			return List.of();
		}
		boolean worksOnBug = bug.assignee() == null || bug.assignee().id().equals(member.user().id());
		return TransitionPolicy
			.allowedTransitions(member.project().workflow(), bug.status(), member.role().key(), worksOnBug)
			.stream()
			.filter(t -> !t.requiredFields().contains("verified_by") || member.can(ProjectAction.VERIFY_FIX))
			.toList();
	}

}
