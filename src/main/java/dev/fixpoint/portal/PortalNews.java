package dev.fixpoint.portal;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRef;
import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.comments.Comment;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.comments.Comments;
import dev.fixpoint.platform.outbox.OutboxDelivery;
import dev.fixpoint.projects.Membership;

import org.springframework.stereotype.Component;

/**
 * After commit (outbox deliveries): emails a portal reporter about their bug's status and
 * the team's comments visible to them, and a status page's subscribers about a published
 * bug's new public status. Reads the bug as it is at delivery; a deleted bug, an
 * unconfirmed, spam or unsubscribed report tells nobody.
 */
@Component
class PortalNews {

	private final PortalRepository reports;

	private final StatusRepository status;

	private final PortalProjects projects;

	private final BugQueries bugs;

	private final Comments comments;

	private final PortalMails mails;

	private final PortalFiling filing;

	private final StatusNews news;

	PortalNews(PortalRepository reports, StatusRepository status, PortalProjects projects, BugQueries bugs,
			Comments comments, PortalMails mails, PortalFiling filing, StatusNews news) {
		this.reports = reports;
		this.status = status;
		this.projects = projects;
		this.bugs = bugs;
		this.comments = comments;
		this.mails = mails;
		this.filing = filing;
		this.news = news;
	}

	void onStatusChanged(OutboxDelivery<BugStatusChanged> delivery) {
		BugStatusChanged event = delivery.event();
		if (!event.fromCategory().equals(event.toCategory())) {
			this.status.find(event.bugId()).ifPresent(this.news::tell);
		}
		this.reports.findByBug(event.bugId()).filter(PortalNews::reachable).ifPresent(report -> {
			Membership actor = this.projects.actor(report.projectId());
			Bug bug = find(actor, report);
			if (bug == null) {
				return;
			}
			PublicStatus words = PublicStatus.of(actor.project().workflow().categoryOf(bug.status()), bug.resolution());
			String tracking = this.mails.url(this.filing.trackingPath(report));
			this.mails.statusChanged(report.email(), report.ticket(), bug.title(), words.words(), tracking,
					unsubscribe(report));
		});
	}

	void onComment(OutboxDelivery<CommentAdded> delivery) {
		CommentAdded event = delivery.event();
		this.reports.findByBug(event.bugId()).filter(PortalNews::reachable).ifPresent(report -> {
			Membership actor = this.projects.actor(report.projectId());
			Bug bug = find(actor, report);
			if (bug == null) {
				return;
			}
			Comment comment = this.comments.visibleToReporter(new BugRef(bug.id(), bug.projectId(), bug.key()), actor)
				.stream()
				.filter(c -> c.id().equals(event.commentId()))
				.findFirst()
				.orElse(null);
			if (comment == null) {
				return; // edited to internal or deleted since
			}
			String author = comment.author() == null ? "The team" : comment.author().name();
			this.mails.replied(report.email(), report.ticket(), bug.title(), author, comment.content(),
					this.mails.url(this.filing.trackingPath(report)), unsubscribe(report));
		});
	}

	private Bug find(Membership actor, PortalRepository.ReportRow report) {
		return this.bugs.find(report.bugId(), actor).orElse(null);
	}

	private String unsubscribe(PortalRepository.ReportRow report) {
		return this.mails.url(this.filing.trackingPath(report).replace("?token=", "/unsubscribe?token="));
	}

	private static boolean reachable(PortalRepository.ReportRow report) {
		return report.confirmed() && !report.spam() && !report.unsubscribed() && report.bugId() != null;
	}

}
