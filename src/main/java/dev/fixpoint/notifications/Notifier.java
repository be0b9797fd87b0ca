package dev.fixpoint.notifications;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.BugAssigned;
import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.bugs.UserMentioned;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.platform.outbox.OutboxDelivery;
import dev.fixpoint.sla.SlaThresholdReached;

import org.springframework.stereotype.Component;

/**
 * Turns the bugs, comments and sla events into notifications, after the change committed:
 * the handlers of the {@code notifications} outbox consumer ({@link NotificationOutbox}).
 * Each runs in the outbox's delivery transaction, which also removes the event's row, so
 * its notifications and email items are written exactly once; a failure is retried by the
 * outbox. The bug is read as it is at delivery (a deleted bug notifies nobody); the time
 * of the notification is the time of the change.
 */
@Component
class Notifier {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final BugFactsReader reader;

	private final Inbox inbox;

	private final Recipients recipients;

	private final Accounts accounts;

	Notifier(BugFactsReader reader, Inbox inbox, Recipients recipients, Accounts accounts) {
		this.reader = reader;
		this.inbox = inbox;
		this.recipients = recipients;
		this.accounts = accounts;
	}

	/** Only a bug filed with an assignee other than its reporter is news to anyone. */
	static boolean assignedToSomeoneElse(BugCreated event) {
		return event.assigneeId() != null && !event.assigneeId().equals(event.reporterId());
	}

	void on(OutboxDelivery<BugCreated> delivery) {
		BugCreated event = delivery.event();
		this.reader.read(event.bugId(), event.projectId(), event.reporterId())
			.ifPresent(bug -> this.inbox.deliver(bug,
					new Inbox.Fact(NotificationKind.ASSIGNED, event.reporterId(),
							name(event.reporterId()) + " filed " + bug.key() + " and assigned it to you", false),
					List.of(event.assigneeId()), delivery));
	}

	void onAssigned(OutboxDelivery<BugAssigned> delivery) {
		BugAssigned event = delivery.event();
		if (event.assigneeId() == null) {
			return;
		}
		this.reader.read(event.bugId(), event.projectId(), event.actorId())
			.ifPresent(bug -> this.inbox.deliver(bug,
					new Inbox.Fact(NotificationKind.ASSIGNED, event.actorId(),
							name(event.actorId()) + " assigned " + bug.key() + " to you", false),
					List.of(event.assigneeId()), delivery));
	}

	void onStatusChanged(OutboxDelivery<BugStatusChanged> delivery) {
		BugStatusChanged event = delivery.event();
		this.reader.read(event.bugId(), event.projectId(), event.actorId())
			.ifPresent(bug -> this.inbox.deliver(bug,
					new Inbox.Fact(NotificationKind.STATUS_CHANGE, event.actorId(),
							name(event.actorId()) + " moved " + bug.key() + " from " + bug.statusName(event.from())
									+ " to " + bug.statusName(event.to()),
							false),
					this.recipients.following(bug), delivery));
	}

	void onComment(OutboxDelivery<CommentAdded> delivery) {
		CommentAdded event = delivery.event();
		this.reader.read(event.bugId(), event.projectId(), event.authorId()).ifPresent(bug -> {
			Set<UUID> candidates = new HashSet<>(this.recipients.following(bug));
			candidates.removeAll(event.mentionedUserIds()); // they hear about it as a
															// mention
			String what = event.internal() ? " added an internal note on " : " commented on ";
			this.inbox.deliver(bug, new Inbox.Fact(NotificationKind.COMMENT, event.authorId(),
					name(event.authorId()) + what + bug.key(), event.internal()), candidates, delivery);
		});
	}

	void onMention(OutboxDelivery<UserMentioned> delivery) {
		UserMentioned event = delivery.event();
		this.reader.read(event.bugId(), event.projectId(), event.byUserId()).ifPresent(bug -> {
			String where = event.commentId() == null ? " in the report of "
					: event.internal() ? " in an internal note on " : " in a comment on ";
			this.inbox.deliver(bug,
					new Inbox.Fact(NotificationKind.MENTION, event.byUserId(),
							name(event.byUserId()) + " mentioned you" + where + bug.key(), event.internal()),
					List.of(event.userId()), delivery);
		});
	}

	/** Assignee at 50, 75 and 100 %; project admins too once the SLA is breached. */
	void onSla(OutboxDelivery<SlaThresholdReached> delivery) {
		SlaThresholdReached event = delivery.event();
		this.reader.read(event.bugId(), event.projectId(), event.assigneeId()).ifPresent(bug -> {
			Set<UUID> candidates = new HashSet<>();
			if (event.assigneeId() != null) {
				candidates.add(event.assigneeId());
			}
			if (event.breached()) {
				candidates.addAll(this.reader.admins(event.projectId()));
			}
			String text = event.breached()
					? "SLA breached: " + bug.key() + " (" + event.severity() + ") was due " + DUE.format(event.dueAt())
					: "SLA warning: " + bug.key() + " (" + event.severity() + ") has used " + event.percent()
							+ " % of its time, due " + DUE.format(event.dueAt());
			this.inbox.deliver(bug, new Inbox.Fact(NotificationKind.SLA, null, text, false), candidates, delivery);
		});
	}

	private String name(UUID userId) {
		if (userId == null) {
			return "Fixpoint";
		}
		return this.accounts.find(userId).map(UserSummary::name).orElse("Someone");
	}

}
