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
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.bugs.UserMentioned;
import dev.fixpoint.platform.Times;
import dev.fixpoint.sla.SlaThresholdReached;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the bugs and sla events into notifications. Runs synchronously inside the publishing transaction, so
 * watches, notifications and email items commit (or roll back) together with the change itself.
 */
@Component
class Notifier {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Notifier.class);

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final BugFactsReader reader;

	private final Inbox inbox;

	private final Recipients recipients;

	private final WatcherRepository watchers;

	private final Accounts accounts;

	private final Savepoint savepoint;

	Notifier(BugFactsReader reader, Inbox inbox, Recipients recipients, WatcherRepository watchers,
			Accounts accounts, Savepoint savepoint) {
		this.savepoint = savepoint;
		this.reader = reader;
		this.inbox = inbox;
		this.recipients = recipients;
		this.watchers = watchers;
		this.accounts = accounts;
	}

	@EventListener
	void on(BugCreated event) {
		safely(event, () -> {
			this.watchers.watchAutomatically(event.bugId(), event.reporterId(), WatcherRepository.Reason.REPORTER,
					Times.now());
			if (event.assigneeId() == null) {
				return;
			}
			this.watchers.watchAutomatically(event.bugId(), event.assigneeId(), WatcherRepository.Reason.ASSIGNEE,
					Times.now());
			this.reader.read(event.bugId(), event.projectId(), event.reporterId()).ifPresent(bug -> this.inbox.deliver(bug,
					new Inbox.Fact(NotificationKind.ASSIGNED, event.reporterId(),
							name(event.reporterId()) + " filed " + bug.key() + " and assigned it to you", false),
					List.of(event.assigneeId())));
		});
	}

	@EventListener
	void on(BugAssigned event) {
		safely(event, () -> {
			if (event.assigneeId() == null) {
				return;
			}
			this.watchers.watchAutomatically(event.bugId(), event.assigneeId(), WatcherRepository.Reason.ASSIGNEE,
					Times.now());
			this.reader.read(event.bugId(), event.projectId(), event.actorId()).ifPresent(bug -> this.inbox.deliver(bug,
					new Inbox.Fact(NotificationKind.ASSIGNED, event.actorId(),
							name(event.actorId()) + " assigned " + bug.key() + " to you", false),
					List.of(event.assigneeId())));
		});
	}

	@EventListener
	void on(BugStatusChanged event) {
		safely(event, () -> {
			this.reader.read(event.bugId(), event.projectId(), event.actorId()).ifPresent(bug -> this.inbox.deliver(bug,
					new Inbox.Fact(NotificationKind.STATUS_CHANGE, event.actorId(), name(event.actorId()) + " moved "
							+ bug.key() + " from " + bug.statusName(event.from()) + " to " + bug.statusName(event.to()),
							false),
					this.recipients.following(bug)));
		});
	}

	@EventListener
	void on(CommentAdded event) {
		safely(event, () -> {
			this.watchers.watchAutomatically(event.bugId(), event.authorId(), WatcherRepository.Reason.COMMENTER,
					Times.now());
			this.reader.read(event.bugId(), event.projectId(), event.authorId()).ifPresent(bug -> {
				Set<UUID> candidates = new HashSet<>(this.recipients.following(bug));
				candidates.removeAll(event.mentionedUserIds()); // they hear about it as a mention
				String what = event.internal() ? " added an internal note on " : " commented on ";
				this.inbox.deliver(bug, new Inbox.Fact(NotificationKind.COMMENT, event.authorId(),
						name(event.authorId()) + what + bug.key(), event.internal()), candidates);
			});
		});
	}

	@EventListener
	void on(UserMentioned event) {
		safely(event, () -> {
			this.reader.read(event.bugId(), event.projectId(), event.byUserId()).ifPresent(bug -> {
				String where = event.commentId() == null ? " in the report of "
						: event.internal() ? " in an internal note on " : " in a comment on ";
				this.inbox.deliver(bug, new Inbox.Fact(NotificationKind.MENTION, event.byUserId(),
						name(event.byUserId()) + " mentioned you" + where + bug.key(), event.internal()),
						List.of(event.userId()));
			});
		});
	}

	/** Assignee at 50, 75 and 100 %; project admins too once the SLA is breached. */
	@EventListener
	void on(SlaThresholdReached event) {
		safely(event, () -> {
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
				this.inbox.deliver(bug, new Inbox.Fact(NotificationKind.SLA, null, text, false), candidates);
			});
		});
	}

	/**
	 * Notifications never break the change they are about: the work runs in a savepoint, and a failure is rolled
	 * back to it and logged (with the event, which holds ids only) while the change commits without them.
	 */
	private void safely(Object event, Runnable work) {
		try {
			this.savepoint.run(work);
		}
		catch (RuntimeException ex) {
			log.error("Could not deliver notifications for {}", event, ex);
		}
	}

	private String name(UUID userId) {
		if (userId == null) {
			return "Fixpoint";
		}
		return this.accounts.find(userId).map(UserSummary::name).orElse("Someone");
	}

}
