package dev.fixpoint.bugs.page;

import java.util.List;
import java.util.Optional;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugTexts;
import dev.fixpoint.bugs.Releases;
import dev.fixpoint.bugs.RenderedReport;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a bug page reads, in one read-only transaction: the caller's membership is
 * looked up once and handed to every part that needs it (history names, comment rights),
 * not again per part. The project's member list (hundreds of people) is read only for the
 * assignee select. Nothing is kept past the request here; the membership and the release
 * names come from memories that forget on every change, on any node
 * ({@code projects.ProjectMemory}, {@link dev.fixpoint.bugs.Releases}).
 */
@Component
@Transactional(readOnly = true)
class BugPageReads {

	/**
	 * @param report the stored rendering of the report, empty when it must be made again
	 * @param releases the names of the project's releases that are not archived (the
	 * release pickers)
	 */
	record Read(Bug bug, Membership member, List<ProjectComponent> components, Optional<RenderedReport> report,
			Activity activity, List<String> releases) {
	}

	/** A page's reads and the project's members. */
	record Picking(Read read, List<Member> people) {
	}

	/** A bug with the caller's membership and the project's members. */
	record People(Bug bug, Membership member, List<Member> people) {
	}

	private final BugQueries queries;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final ProjectComponents components;

	private final BugActivities activities;

	private final BugTexts texts;

	private final Releases releases;

	BugPageReads(BugQueries queries, ProjectAccess access, ProjectMembers members, ProjectComponents components,
			BugActivities activities, BugTexts texts, Releases releases) {
		this.releases = releases;
		this.queries = queries;
		this.access = access;
		this.members = members;
		this.components = components;
		this.activities = activities;
		this.texts = texts;
	}

	Read page(String bugRef, CurrentUser user, CommentDraft draft) {
		return page(this.queries.find(bugRef, user), user, draft);
	}

	Read page(Bug bug, CurrentUser user, CommentDraft draft) {
		Membership member = this.access.membership(bug.projectId(), user);
		return new Read(bug, member, this.components.list(member.projectId()), this.texts.stored(bug, member),
				this.activities.of(bug, member, draft), this.releases.names(member));
	}

	/** The page and the project's members, for the page with the assignee select open. */
	Picking picking(String bugRef, CurrentUser user) {
		Read read = page(bugRef, user, null);
		return new Picking(read, this.members.list(read.member().projectId()));
	}

	Activity activity(String bugRef, CurrentUser user, CommentDraft draft) {
		Bug bug = this.queries.find(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user);
		return this.activities.of(bug, member, draft);
	}

	People people(String bugRef, CurrentUser user) {
		Bug bug = this.queries.find(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user);
		return new People(bug, member, this.members.list(member.projectId()));
	}

	List<HistoryLine> history(String bugRef, CurrentUser user) {
		Bug bug = this.queries.find(bugRef, user);
		Membership member = this.access.membership(bug.projectId(), user);
		return this.activities.history(bug, member);
	}

}
