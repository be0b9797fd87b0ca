/**
 * The public portal and status page: customers report bugs without an account
 * ({@code /portal/{KEY}}), follow them with a private tracking link, and read an
 * organization's known problems ({@code /status/{org}}, its JSON, Atom and RSS feeds,
 * email subscriptions, the organization's branding). Pages in {@code web} (the portal's
 * form, tracking pages, status pages, the project admins' settings page
 * {@code /p/{KEY}/settings/portal} and the bug page's portal panel and its status page
 * panel, both loaded by URL), API under {@code /api/portal}, {@code /api/status},
 * {@code /api/projects/{id}/portal}, {@code /api/bugs/{id}/portal} and
 * {@code /api/bugs/{id}/status-entry}.
 * <p>
 * Owns the tables {@code portal_settings}, {@code portal_reports},
 * {@code portal_pending_files}, {@code portal_blocked_emails}, {@code portal_secret},
 * {@code status_entries} and {@code status_subscribers} (V22), {@code portal_updates},
 * {@code portal_rate_limits} and {@code portal_used_challenges} (V29),
 * {@code status_updates} and {@code portal_branding} (V39). Public API:
 * {@link dev.fixpoint.portal.Portal} (form, report, confirm, similar known problems),
 * {@link dev.fixpoint.portal.Tickets} (track, add information, stop emails),
 * {@link dev.fixpoint.portal.PortalAdmin} (settings, a bug's ticket, spam),
 * {@link dev.fixpoint.portal.StatusPage}, {@link dev.fixpoint.portal.StatusPublishing},
 * {@link dev.fixpoint.portal.StatusSubscribers} (organization admins' list of
 * subscribers) and {@link dev.fixpoint.portal.PortalBranding} (accent colour and logo),
 * and their records.
 * <p>
 * Reaches other modules only through their public API: a portal bug is filed, read,
 * commented and given files as the system actor {@code SystemActor.PORTAL}, through
 * {@code ProjectAccess.asSystem} (a QA engineer's rights, no membership row),
 * {@code BugManagement.report(Membership, NewBug)}, {@code BugQueries.find(Membership,
 * id)}, {@code Comments.add/visibleToReporter(BugRef, Membership)} and
 * {@code Attachments.upload(Membership, ...)} (the same pipeline and limits as any
 * upload). The reporter's email stays in {@code portal_reports}, shown only to project
 * admins and developers ({@code PortalAdmin.ticketOf}); no bug field, export, history or
 * email to anyone else carries it. Emails are queued into notifications' email outbox
 * ({@code OutgoingEmails}: lease, retries, Message-ID, threads, one-click unsubscribe).
 * <p>
 * Rules: a portal is open for a public project whose admin enabled it; anything else is
 * 404. A report passes, cheapest first, the honeypot {@code website} (must be empty), a
 * size limit on every field, the bug rules, the rate limits ({@code PortalThrottle}: per
 * client address and per email, 429 with {@code Retry-After}; token buckets in
 * PostgreSQL, shared by every node), the challenge ({@code Challenges}: a signed,
 * expiring challenge answered by a SHA-256 proof of work computed by
 * {@code static/js/portal.js}, or by an arithmetic question without JavaScript; once in
 * the whole installation) and the project's blocked addresses. It then waits (draft and
 * files in {@code portal_reports}/{@code portal_pending_files}) until the link in its
 * email is followed (double opt-in, unless the admin turned it off); the confirmation
 * files the bug in the project's initial status with the default component (whose owner
 * gets it) and severity, tagged {@code portal}. Ticket numbers are the key and six random
 * characters; the tracking link's token is {@code HMAC(portal key, ticket, salt)}
 * ({@code PortalKeys}), stored only as its SHA-256, so each email can carry the link
 * again while a database copy opens nothing. Marking a report as spam (admins) deletes
 * the bug and blocks its email for the project. Reports and subscriptions never confirmed
 * are deleted after {@code fixpoint.portal.unconfirmed-after} ({@code PortalJobs},
 * hourly, on every node: reports claimed {@code skip locked}).
 * <p>
 * A reporter's updates are batched: {@code ReporterUpdates} turns an address's pending
 * {@code portal_updates} into one email once {@code fixpoint.portal.batch-window} after
 * the first passed (one ticket: its thread; several: one digest with a stop link per
 * ticket and a signed stop-all link). Status page subscribers follow the whole page or
 * one entry (double opt-in, signed tokens; by page or API) and hear of entry changes in
 * one digest per {@code fixpoint.status.digest-window} ({@code StatusNews} records,
 * {@code StatusDigests} composes through the same claim loop, {@code Batches}, as the
 * reporters' updates); project admins publish from the bug page. Branding: a logo is
 * checked by its bytes with attachments' {@code ContentSniffing} (PNG, JPEG, WebP; never
 * SVG).
 * <p>
 * Events: listens synchronously, in the bug's transaction, to
 * {@link dev.fixpoint.bugs.BugStatusChanged} and {@link dev.fixpoint.bugs.BugChanged}
 * ({@code StatusFollower}: a published entry's category, fixed time and severity follow
 * the bug), and consumes the outbox ({@code PortalOutbox}, consumer {@code portal},
 * ordered per bug) for {@code BugStatusChanged} (an update for the reporter; the status
 * page's and the entry's subscribers when the public status changed) and
 * {@link dev.fixpoint.comments.CommentAdded} visible to the reporter (an update for the
 * reporter). Publishes no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.portal;
