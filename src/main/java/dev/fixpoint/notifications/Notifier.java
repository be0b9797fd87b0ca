package dev.fixpoint.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.BugAssigned;
import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.bugs.UserMentioned;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.platform.Times;
import dev.fixpoint.sla.SlaThresholdReached;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the bugs and sla events into notifications. Runs synchronously inside the
 * publishing transaction, so watches, notifications and email items commit (or roll back)
 * together with the change itself.
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

	private final Clock clock;

	Notifier(BugFactsReader reader, Inbox inbox, Recipients recipients, WatcherRepository watchers, Accounts accounts,
			Savepoint savepoint, Clock clock) {
		this.savepoint = savepoint;
		this.clock = clock;
		this.reader = reader;
		this.inbox = inbox;
		this.recipients = recipients;
		this.watchers = watchers;
		this.accounts = accounts;
	}

	@EventListener
	void on(BugCreated event) {
		safely(event, now -> {
			this.watchers.watchAutomatically(event.bugId(), event.reporterId(), WatcherRepository.Reason.REPORTER, now);
			if (event.assigneeId() == null) {
				return;
			}
			this.watchers.watchAutomatically(event.bugId(), event.assigneeId(), WatcherRepository.Reason.ASSIGNEE, now);
			this.reader.read(event.bugId(), event.projectId(), event.reporterId())
				.ifPresent(bug -> this.inbox.deliver(bug,
						new Inbox.Fact(NotificationKind.ASSIGNED, event.reporterId(),
								name(event.reporterId()) + " filed " + bug.key() + " and assigned it to you", false),
						List.of(event.assigneeId()), now));
		});
	}

	@EventListener
	void on(BugAssigned event) {
		safely(event, now -> {
			if (event.assigneeId() == null) {
				return;
			}
			this.watchers.watchAutomatically(event.bugId(), event.assigneeId(), WatcherRepository.Reason.ASSIGNEE, now);
			this.reader.read(event.bugId(), event.projectId(), event.actorId())
				.ifPresent(bug -> this.inbox.deliver(bug,
						new Inbox.Fact(NotificationKind.ASSIGNED, event.actorId(),
								name(event.actorId()) + " assigned " + bug.key() + " to you", false),
						List.of(event.assigneeId()), now));
		});
	}

	@EventListener
	void on(BugStatusChanged event) {
		safely(event, now -> {
			this.reader.read(event.bugId(), event.projectId(), event.actorId())
				.ifPresent(bug -> this.inbox.deliver(bug,
						new Inbox.Fact(NotificationKind.STATUS_CHANGE, event.actorId(),
								name(event.actorId()) + " moved " + bug.key() + " from " + bug.statusName(event.from())
										+ " to " + bug.statusName(event.to()),
								false),
						this.recipients.following(bug), now));
		});
	}

	@EventListener
	void on(CommentAdded event) {
		safely(event, now -> {
			this.watchers.watchAutomatically(event.bugId(), event.authorId(), WatcherRepository.Reason.COMMENTER, now);
			this.reader.read(event.bugId(), event.projectId(), event.authorId()).ifPresent(bug -> {
				Set<UUID> candidates = new HashSet<>(this.recipients.following(bug));
				candidates.removeAll(event.mentionedUserIds()); // they hear about it as a
																// mention
				String what = event.internal() ? " added an internal note on " : " commented on ";
				this.inbox.deliver(bug, new Inbox.Fact(NotificationKind.COMMENT, event.authorId(),
						name(event.authorId()) + what + bug.key(), event.internal()), candidates, now);
			});
		});
	}

	@EventListener
	void on(UserMentioned event) {
		safely(event, now -> {
			this.reader.read(event.bugId(), event.projectId(), event.byUserId()).ifPresent(bug -> {
				String where = event.commentId() == null ? " in the report of "
						: event.internal() ? " in an internal note on " : " in a comment on ";
				this.inbox.deliver(bug,
						new Inbox.Fact(NotificationKind.MENTION, event.byUserId(),
								name(event.byUserId()) + " mentioned you" + where + bug.key(), event.internal()),
						List.of(event.userId()), now);
			});
		});
	}

	/** Assignee at 50, 75 and 100 %; project admins too once the SLA is breached. */
	@EventListener
	void on(SlaThresholdReached event) {
		safely(event, now -> {
			this.reader.read(event.bugId(), event.projectId(), event.assigneeId()).ifPresent(bug -> {
				Set<UUID> candidates = new HashSet<>();
				if (event.assigneeId() != null) {
					candidates.add(event.assigneeId());
				}
				if (event.breached()) {
					candidates.addAll(this.reader.admins(event.projectId()));
				}
				String text = event.breached()
						? "SLA breached: " + bug.key() + " (" + event.severity() + ") was due "
								+ DUE.format(event.dueAt())
						: "SLA warning: " + bug.key() + " (" + event.severity() + ") has used " + event.percent()
								+ " % of its time, due " + DUE.format(event.dueAt());
				this.inbox.deliver(bug, new Inbox.Fact(NotificationKind.SLA, null, text, false), candidates, now);
			});
		});
	}

	/**
	 * Notifications never break the change they are about: the work runs in a savepoint,
	 * and a failure is rolled back to it and logged (with the event, which holds ids
	 * only) while the change commits without them. The work gets one "now" for all it
	 * writes.
	 */
	private void safely(Object event, Consumer<Instant> work) {
		try {
			Instant now = Times.now(this.clock);
			this.savepoint.run(() -> work.accept(now));
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
