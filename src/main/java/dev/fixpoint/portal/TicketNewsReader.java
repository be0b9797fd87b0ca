package dev.fixpoint.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRef;
import dev.fixpoint.comments.Comment;
import dev.fixpoint.comments.Comments;
import dev.fixpoint.projects.Membership;

import org.springframework.stereotype.Component;

/**
 * What a reporter hears about one ticket, read as the portal when the email is composed:
 * the bug's public status now (when it changed) and the replies still visible to the
 * reporter (one made internal or deleted since is left out). A deleted bug tells nothing.
 */
@Component
class TicketNewsReader {

	private final PortalProjects projects;

	private final BugQueries bugs;

	private final Comments comments;

	private final PortalFiling filing;

	TicketNewsReader(PortalProjects projects, BugQueries bugs, Comments comments, PortalFiling filing) {
		this.projects = projects;
		this.bugs = bugs;
		this.comments = comments;
		this.filing = filing;
	}

	Optional<PortalMails.TicketNews> read(PortalRepository.ReportRow report, List<UpdateRepository.Pending> items,
			PortalMails mails) {
		Membership actor = this.projects.actor(report.projectId());
		Bug bug = this.bugs.find(report.bugId(), actor).orElse(null);
		if (bug == null) {
			return Optional.empty();
		}
		String words = items.stream().anyMatch(UpdateRepository.Pending::status)
				? PublicStatus.of(actor.project().workflow().categoryOf(bug.status()), bug.resolution()).words() : null;
		List<PortalEmail.Quote> replies = new ArrayList<>();
		if (items.stream().anyMatch(i -> !i.status())) {
			List<Comment> visible = this.comments.visibleToReporter(new BugRef(bug.id(), bug.projectId(), bug.key()),
					actor);
			for (UpdateRepository.Pending item : items) {
				visible.stream()
					.filter(c -> c.id().equals(item.commentId()))
					.findFirst()
					.ifPresent(c -> replies
						.add(new PortalEmail.Quote(c.author() == null ? "The team" : c.author().name(), c.content())));
			}
		}
		if (words == null && replies.isEmpty()) {
			return Optional.empty();
		}
		String tracking = this.filing.trackingPath(report);
		return Optional.of(new PortalMails.TicketNews(report.ticket(), bug.title(), words, replies, mails.url(tracking),
				mails.url(tracking.replace("?token=", "/unsubscribe?token=")),
				this.projects.branding(actor.project())));
	}

	/** The link that stops the emails of every ticket of an address (a digest's). */
	String stopAllUrl(String address, PortalMails mails) {
		return mails.url(this.filing.stopAllPath(address));
	}

}
