package dev.fixpoint.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.outbox.OutboxDelivery;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers one fact about a bug to the people who should hear about it: an in-app
 * notification each (signalled to their browsers once the transaction commits) and, per
 * their preferences, an email item in the same transaction (the outbox delivery's).
 * Internal notes never become email items; viewers get only status changes by email. Each
 * notification records whether its recipient takes part in the bug (reporter, assignee,
 * commenter; mentioned or assigned by it): the "participating" filter.
 */
@Component
class Inbox {

	/** What happened, in the words of the notification and of the email. */
	record Fact(NotificationKind kind, UUID actorId, String text, boolean internal) {
	}

	private final Recipients recipients;

	private final NotificationRepository notifications;

	private final EmailItemRepository emailItems;

	private final PreferenceRepository preferences;

	private final UnreadSignals signals;

	private final MailServer smtp;

	private final NotificationMetrics metrics;

	private final WatcherRepository watchers;

	private final List<NotificationChannel> channels;

	Inbox(Recipients recipients, NotificationRepository notifications, EmailItemRepository emailItems,
			PreferenceRepository preferences, UnreadSignals signals, MailServer smtp, NotificationMetrics metrics,
			WatcherRepository watchers,
			org.springframework.beans.factory.ObjectProvider<NotificationChannel> channels) {
		this.watchers = watchers;
		this.channels = channels.orderedStream().toList();
		this.recipients = recipients;
		this.notifications = notifications;
		this.emailItems = emailItems;
		this.preferences = preferences;
		this.signals = signals;
		this.smtp = smtp;
		this.metrics = metrics;
	}

	/**
	 * Delivers {@code fact}, which came from the outbox as {@code delivery}: its time is
	 * the time of the change, its batch the bulk change it was part of.
	 */
	@Transactional
	public void deliver(BugFacts bug, Fact fact, Collection<UUID> candidates, OutboxDelivery<?> delivery) {
		Instant now = delivery.publishedAt();
		List<Recipients.Recipient> to = this.recipients.filter(bug, candidates, fact.actorId(), fact.internal());
		this.metrics.delivered(fact.kind(), to.size());
		if (to.isEmpty()) {
			return;
		}
		java.util.Set<UUID> commenters = this.watchers.commentersAmong(bug.id(),
				to.stream().map(Recipients.Recipient::userId).toList());
		for (Recipients.Recipient r : to) {
			UUID id = Ids.newId();
			boolean participating = fact.kind() == NotificationKind.MENTION || fact.kind() == NotificationKind.ASSIGNED
					|| r.userId().equals(bug.reporterId()) || r.userId().equals(bug.assigneeId())
					|| commenters.contains(r.userId());
			this.notifications.insert(new NotificationRepository.NotificationRow(id, r.userId(), bug.id(),
					bug.projectId(), bug.key(), bug.title(), fact.kind().key(), fact.actorId(), clip(fact.text()), now,
					null, now, null, participating));
			this.signals.added(r.userId(), id);
		}
		if (this.smtp.enabled() && !fact.internal()) {
			queueEmails(bug, fact, to, delivery.batchId(), now);
		}
		if (!this.channels.isEmpty() && !fact.internal()) {
			deliverElsewhere(bug, fact, to);
		}
	}

	/**
	 * Other channels (Slack) get what email would: the same recipients, rules and
	 * switches.
	 */
	private void deliverElsewhere(BugFacts bug, Fact fact, List<Recipients.Recipient> to) {
		Map<UUID, NotificationPreferences> prefs = this.preferences
			.findAll(to.stream().map(Recipients.Recipient::userId).toList());
		for (Recipients.Recipient r : to) {
			if ((r.role() == ProjectRole.VIEWER && fact.kind() != NotificationKind.STATUS_CHANGE)
					|| prefs.get(r.userId()).delivery(fact.kind()) == Delivery.OFF) {
				continue;
			}
			NotificationChannel.PersonalNotification notification = new NotificationChannel.PersonalNotification(
					r.userId(), bug.id(), bug.projectId(), bug.key(), bug.title(), fact.kind(), clip(fact.text()));
			this.channels.forEach(channel -> channel.deliver(notification));
		}
	}

	private void queueEmails(BugFacts bug, Fact fact, List<Recipients.Recipient> to, UUID bulkId, Instant now) {
		Map<UUID, NotificationPreferences> prefs = this.preferences
			.findAll(to.stream().map(Recipients.Recipient::userId).toList());
		for (Recipients.Recipient r : to) {
			if (r.role() == ProjectRole.VIEWER && fact.kind() != NotificationKind.STATUS_CHANGE) {
				continue;
			}
			Delivery delivery = prefs.get(r.userId()).delivery(fact.kind());
			if (delivery == Delivery.OFF) {
				continue;
			}
			this.emailItems
				.insert(new EmailItemRepository.EmailItem(Ids.newId(), r.userId(), bug.id(), bulkId, fact.kind().key(),
						delivery.key(), bug.key(), bug.title(), bug.statusName(bug.status()), clip(fact.text()), now));
		}
	}

	private static String clip(String text) {
		return text.length() <= 500 ? text : text.substring(0, 499) + "…";
	}

}
