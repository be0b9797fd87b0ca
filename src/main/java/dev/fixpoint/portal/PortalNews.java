package dev.fixpoint.portal;

import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.platform.outbox.OutboxDelivery;

import org.springframework.stereotype.Component;

/**
 * After commit (outbox deliveries): a portal reporter's bug changed status or got a reply
 * visible to them, which waits in {@code portal_updates} for {@link ReporterUpdates} to
 * batch it into the address's next email (the time of the change counts); a published
 * bug's new public status waits, likewise, for the status page's subscribers (and the
 * entry's) in their next digest ({@link StatusDigests}). An unconfirmed, spam or
 * unsubscribed report records nothing.
 */
@Component
class PortalNews {

	private final PortalRepository reports;

	private final UpdateRepository updates;

	private final StatusRepository status;

	private final StatusNews news;

	PortalNews(PortalRepository reports, UpdateRepository updates, StatusRepository status, StatusNews news) {
		this.reports = reports;
		this.updates = updates;
		this.status = status;
		this.news = news;
	}

	void onStatusChanged(OutboxDelivery<BugStatusChanged> delivery) {
		BugStatusChanged event = delivery.event();
		if (!event.fromCategory().equals(event.toCategory())) {
			this.status.find(event.bugId()).ifPresent(entry -> this.news.tell(entry, true, delivery.publishedAt()));
		}
		this.reports.findByBug(event.bugId())
			.filter(PortalNews::reachable)
			.ifPresent(report -> this.updates.add(report.id(), "status", null, delivery.publishedAt()));
	}

	void onComment(OutboxDelivery<CommentAdded> delivery) {
		CommentAdded event = delivery.event();
		this.reports.findByBug(event.bugId())
			.filter(PortalNews::reachable)
			.ifPresent(report -> this.updates.add(report.id(), "comment", event.commentId(), delivery.publishedAt()));
	}

	static boolean reachable(PortalRepository.ReportRow report) {
		return report.confirmed() && !report.spam() && !report.unsubscribed() && report.bugId() != null;
	}

}
