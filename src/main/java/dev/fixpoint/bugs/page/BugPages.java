package dev.fixpoint.bugs.page;

import java.time.Clock;
import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugTexts;
import dev.fixpoint.bugs.EditRules;
import dev.fixpoint.bugs.RenderedReport;
import dev.fixpoint.bugs.web.Notice;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Component;

/**
 * Assembles a bug page: the bug and its rendered report, what the caller may do, the
 * pickers and the activity. The reads are one transaction ({@link BugPageReads}); a
 * report whose stored HTML is out of date is rendered and stored after it, in one that
 * writes.
 */
@Component
class BugPages {

	private final BugPageReads reads;

	private final BugQueries queries;

	private final BugTexts texts;

	private final Clock clock;

	BugPages(BugPageReads reads, BugQueries queries, BugTexts texts, Clock clock) {
		this.reads = reads;
		this.queries = queries;
		this.texts = texts;
		this.clock = clock;
	}

	BugPageView view(String bugRef, CurrentUser user, ReportForm editing, Notice notice) {
		return view(this.reads.page(bugRef, user, null), user, editing, notice);
	}

	BugPageView view(Bug bug, CurrentUser user, ReportForm editing, Notice notice) {
		return view(bug, user, editing, notice, null);
	}

	/**
	 * @param draft a comment form to show again open (an error, or an edit form), or null
	 */
	BugPageView view(Bug bug, CurrentUser user, ReportForm editing, Notice notice, CommentDraft draft) {
		return view(this.reads.page(bug, user, draft), user, editing, notice);
	}

	/** The page with the assignee select open (without JavaScript). */
	BugPageView pickingAssignee(String bugRef, CurrentUser user) {
		BugPageReads.Picking picking = this.reads.picking(bugRef, user);
		return view(picking.read(), user, null, Notice.NONE, picking.people());
	}

	/**
	 * The assignee select alone, for someone who may assign (403 otherwise, as the
	 * field's change would be).
	 */
	AssigneePicker assigneePicker(String bugRef, CurrentUser user) {
		BugPageReads.People read = this.reads.people(bugRef, user);
		read.member().require(ProjectAction.ASSIGN);
		return picker(read.bug(), read.people());
	}

	private BugPageView view(BugPageReads.Read read, CurrentUser user, ReportForm editing, Notice notice) {
		return view(read, user, editing, notice, null);
	}

	/**
	 * @param people the project's members when the assignee select is open, else null
	 */
	private BugPageView view(BugPageReads.Read read, CurrentUser user, ReportForm editing, Notice notice,
			List<Member> people) {
		Bug bug = read.bug();
		Membership member = read.member();
		RenderedReport report = read.report().orElseGet(() -> this.texts.report(bug, member));
		AssigneePicker picker = people != null && EditRules.mayAssign(member) ? picker(bug, people) : null;
		return new BugPageView(bug, member.project().name(), member.project().workflow(), permissions(member, bug),
				EditRules.moves(member, bug), picker, read.components(), report, read.activity(), editing, notice,
				user.id(), Times.now(this.clock), read.releases());
	}

	private static AssigneePicker picker(Bug bug, List<Member> people) {
		return new AssigneePicker(bug.key(), bug.version(), bug.assignee(),
				people.stream().filter(m -> BugManagement.canWorkBugs(m.role())).map(Member::user).toList());
	}

	Bug bug(String bugRef, CurrentUser user) {
		return this.queries.find(bugRef, user);
	}

	/** Just the activity of a bug, for the htmx fragment. */
	Activity activity(String bugRef, CurrentUser user, CommentDraft draft) {
		return this.reads.activity(bugRef, user, draft);
	}

	List<HistoryLine> history(String bugRef, CurrentUser user) {
		return this.reads.history(bugRef, user);
	}

	private static BugPermissions permissions(Membership member, Bug bug) {
		return new BugPermissions(EditRules.mayEditReport(member, bug), EditRules.mayEditTriage(member, bug),
				EditRules.mayAssign(member), EditRules.mayVerify(member, bug), member.capabilities());
	}

}
