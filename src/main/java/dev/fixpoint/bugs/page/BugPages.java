package dev.fixpoint.bugs.page;

import java.time.Clock;
import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugTexts;
import dev.fixpoint.bugs.EditRules;
import dev.fixpoint.bugs.web.Notice;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Component;

/**
 * Assembles a bug page: the bug and its rendered report, what the caller may do, the
 * pickers and the activity.
 */
@Component
class BugPages {

	private final BugQueries queries;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final ProjectComponents components;

	private final BugActivities activities;

	private final BugTexts texts;

	private final Clock clock;

	BugPages(BugQueries queries, ProjectAccess access, ProjectMembers members, ProjectComponents components,
			BugActivities activities, BugTexts texts, Clock clock) {
		this.queries = queries;
		this.access = access;
		this.members = members;
		this.components = components;
		this.activities = activities;
		this.texts = texts;
		this.clock = clock;
	}

	BugPageView view(String bugRef, CurrentUser user, ReportForm editing, Notice notice) {
		return view(this.queries.find(bugRef, user), user, editing, notice, null);
	}

	BugPageView view(Bug bug, CurrentUser user, ReportForm editing, Notice notice) {
		return view(bug, user, editing, notice, null);
	}

	/**
	 * @param draft a comment form to show again open (an error, or an edit form), or null
	 */
	BugPageView view(Bug bug, CurrentUser user, ReportForm editing, Notice notice, CommentDraft draft) {
		Membership member = this.access.membership(bug.projectId(), user);
		List<Member> people = this.members.list(member.projectId());
		Workflow workflow = member.project().workflow();
		return new BugPageView(bug, member.project().name(), workflow, permissions(member, bug),
				EditRules.moves(member, bug),
				people.stream().filter(m -> BugManagement.canWorkBugs(m.role())).map(Member::user).toList(),
				this.components.list(member.projectId()), this.texts.report(bug, user),
				this.activities.of(bug, member, user, draft), editing, notice, user.id(), Times.now(this.clock));
	}

	Bug bug(String bugRef, CurrentUser user) {
		return this.queries.find(bugRef, user);
	}

	/** Just the activity of a bug, for the htmx fragment. */
	Activity activity(String bugRef, CurrentUser user, CommentDraft draft) {
		Bug bug = this.queries.find(bugRef, user);
		return this.activities.of(bug, this.access.membership(bug.projectId(), user), user, draft);
	}

	List<HistoryLine> history(String bugRef, CurrentUser user) {
		Bug bug = this.queries.find(bugRef, user);
		return this.activities.history(bug, this.access.membership(bug.projectId(), user), user);
	}

	private static BugPermissions permissions(Membership member, Bug bug) {
		return new BugPermissions(EditRules.mayEditReport(member, bug), EditRules.mayEditTriage(member, bug),
				EditRules.mayAssign(member), EditRules.mayVerify(member, bug), member.capabilities());
	}

}
