package dev.fixpoint.attachments;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.fixpoint.attachments.AttachmentRepository.AttachmentRow;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.comments.Comment;
import dev.fixpoint.comments.Comments;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Component;

/**
 * Who may see what: a bug's attachments are visible to the members of its project (others
 * get 404, as for the bug itself); those of a comment only to whoever sees the comment
 * (viewers do not see internal notes).
 */
@Component
class AttachmentAccess {

	record BugScope(Bug bug, Membership member) {
	}

	record Located(AttachmentRow row, Membership member) {
	}

	private final BugQueries bugs;

	private final Comments comments;

	private final ProjectAccess projects;

	private final AttachmentRepository attachments;

	AttachmentAccess(BugQueries bugs, Comments comments, ProjectAccess projects, AttachmentRepository attachments) {
		this.bugs = bugs;
		this.comments = comments;
		this.projects = projects;
		this.attachments = attachments;
	}

	BugScope bug(String bugRef, CurrentUser user) {
		Bug bug = this.bugs.find(bugRef, user);
		return new BugScope(bug, this.projects.membership(bug.projectId(), user));
	}

	/** A bug of the member's project (a system actor's membership). */
	BugScope bug(Membership member, UUID bugId) {
		return new BugScope(this.bugs.find(bugId, member).orElseThrow(() -> NotFoundException.of("Bug")), member);
	}

	/** The comments of the bug its portal reporter sees. */
	Set<UUID> reporterComments(BugScope scope) {
		return this.comments
			.visibleToReporter(
					new dev.fixpoint.bugs.BugRef(scope.bug().id(), scope.bug().projectId(), scope.bug().key()),
					scope.member())
			.stream()
			.map(dev.fixpoint.comments.Comment::id)
			.collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * The comments of the bug the user can see (not deleted; internal ones only for those
	 * who read them).
	 */
	Set<UUID> visibleComments(UUID bugId, CurrentUser user) {
		return this.comments.all(bugId.toString(), user)
			.stream()
			.filter(c -> !c.deleted())
			.map(Comment::id)
			.collect(Collectors.toSet());
	}

	Located attachment(UUID id, CurrentUser user) {
		AttachmentRow row = this.attachments.find(id).orElseThrow(() -> NotFoundException.of("Attachment"));
		Membership member;
		try {
			member = this.projects.membership(row.projectId(), user);
		}
		catch (DomainException ex) {
			throw NotFoundException.of("Attachment");
		}
		if (row.commentId() != null && !visibleComments(row.bugId(), user).contains(row.commentId())) {
			throw NotFoundException.of("Attachment");
		}
		return new Located(row, member);
	}

}
