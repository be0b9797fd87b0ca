/**
 * Notifications: who hears about which bug. Writes in-app notifications and email items
 * for the right people (watchers, reporter, assignee, mentioned members, project admins
 * for SLA breaches), pushes unread counts to browsers over Server-Sent Events (PostgreSQL
 * LISTEN/NOTIFY across nodes), and turns email items into batched, per-bug threaded
 * emails and digests sent from an outbox. Pages: the notification center, email
 * preferences, one-click unsubscribe, the watch button of a bug; API under
 * {@code /api/notifications}, {@code /api/me/...},
 * {@code /api/bugs/{id}/watchers|mute|subscription}.
 * <p>
 * Owns the tables {@code bug_watchers}, {@code notifications},
 * {@code notification_preferences}, {@code email_items}, {@code emails} and
 * {@code notification_secrets}, and {@code report_subscriptions} (V19): the weekly
 * analytics email of a project, which its admins opt in to on the email preferences page
 * or {@code /api/me/weekly-reports/{project}}; {@code WeeklyReports} composes last week's
 * numbers (through {@link dev.fixpoint.analytics.Analytics}, as the subscriber) into the
 * email outbox on Mondays, claimed with {@code skip locked} in the same transaction as
 * the email, with a one-click unsubscribe ({@code List-Unsubscribe}). Public API:
 * {@link dev.fixpoint.notifications.Notifications} (list, unread count, mark read),
 * {@link dev.fixpoint.notifications.Watching} (watch, unwatch, mute, unmute,
 * {@code Subscription}), {@link dev.fixpoint.notifications.NotificationSettings} (email
 * preferences per event type, digest, unsubscribe),
 * {@link dev.fixpoint.notifications.NotificationStream} (SSE), {@code Notification},
 * {@code NotificationPreferences}, {@code NotificationKind}, {@code Delivery}. Publishes
 * no events.
 * <p>
 * Triage (V31): a notification is in the inbox, snoozed (out of the inbox until its
 * {@code inbox_at}, then back on top, unread) or done (archived, read); the center and
 * {@code GET /api/notifications} list a folder by why it came
 * ({@link dev.fixpoint.notifications.NotificationQuery}: all, mentions, assigned,
 * participating: the recipient is the bug's reporter, assignee or a commenter, or was
 * mentioned or assigned, recorded at delivery), grouped by bug on the page,
 * {@code j}/{@code k}/ {@code e}/{@code s} on the keyboard
 * ({@code js/notification-triage.js}). The unread count (the bell) counts only the inbox.
 * {@link dev.fixpoint.notifications.Watching#following} lists the bugs a person follows
 * beyond their own (My work's "Watching").
 * <p>
 * Consumes the outbox ({@code NotificationOutbox}: consumer {@code notifications},
 * ordered per bug, the bulk change captured at publication) for
 * {@link dev.fixpoint.bugs.BugCreated} (only with an assignee other than the reporter),
 * {@link dev.fixpoint.bugs.BugAssigned}, {@link dev.fixpoint.bugs.BugStatusChanged},
 * {@link dev.fixpoint.bugs.UserMentioned}, {@link dev.fixpoint.comments.CommentAdded} and
 * {@link dev.fixpoint.sla.SlaThresholdReached}: {@code Notifier} runs after the change
 * committed, in the outbox's delivery transaction, so notifications, email items and the
 * unread {@code NOTIFY} are written exactly once; a failure is retried by the outbox and
 * never touches the change. The notification's time is the change's. Bug facts are read
 * through {@code BugQueries} as the actor (for system events: the assignee or an admin),
 * as the bug is at delivery; a deleted bug notifies nobody. Only the automatic watches
 * ({@code AutoWatch}: assignee, commenter) listen synchronously, inside the change's
 * transaction: one statement per event; a new bug's reporter and assignee watches are
 * CTEs of the bug's own insert statement ({@link dev.fixpoint.bugs.FiledBugRows}).
 * <p>
 * Rules: reporters, assignees and commenters watch automatically. One notification per
 * recipient: never the actor, nobody who muted the bug, only current members, internal
 * notes only to roles that read them. Email items (only with SMTP configured) follow each
 * recipient's preferences, never for internal notes, for viewers only status changes;
 * other delivery channels ({@link dev.fixpoint.notifications.NotificationChannel},
 * Slack's direct messages) get exactly the recipients email would, in the same
 * transaction. A {@code pg_notify} in the same transaction reaches every node's
 * {@code UnreadListener} (a {@code platform.NoticeChannel}: platform's one {@code LISTEN}
 * connection per node) once it commits, which pushes {@code unread} events to this node's
 * open streams (an open stream holds no database connection). {@code EmailComposer} turns
 * due items into emails (instant: per bug once the batch window after the first change
 * passed, or one summary per bulk change via {@code BugBulk.currentBulkId()}; digests at
 * the person's hour and time zone; muted bugs dropped; an hourly cap per person),
 * claiming items {@code FOR UPDATE SKIP LOCKED}; {@code EmailSender} leases due emails,
 * sends them over SMTP with a fixed {@code Message-ID},
 * {@code In-Reply-To}/{@code References} of the bug's thread and {@code List-Unsubscribe}
 * (one-click, RFC 8058), and retries failures with exponential backoff until sent. Both
 * run on every node. Emails carry keys, titles, statuses, who did what and links: never
 * comment text, descriptions or attachments.
 * <p>
 * Metrics: {@code NotificationMetrics} records each fact's fan-out
 * ({@code fixpoint.notifications.recipients} by kind); {@code EmailOutboxMetrics} gauges
 * the outbox's unsent emails and the age of the oldest (one query over {@code emails_due}
 * per 5 s at most).
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.notifications;
