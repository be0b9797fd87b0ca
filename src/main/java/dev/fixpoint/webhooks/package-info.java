/**
 * Outbound webhooks: a project's administrators (project admins, organization admins)
 * point URLs at Fixpoint's events ({@code bug.created}, {@code bug.updated},
 * {@code bug.status_changed}, {@code bug.assigned}, {@code comment.created},
 * {@code attachment.created}, {@code sla.threshold_reached}, {@code release.created},
 * {@code release.updated}, {@code release.released}; {@code ping} on request), the bug
 * events optionally narrowed by a filter in the search language. API under
 * {@code /api/projects/{id}/webhooks} and {@code /api/webhooks/{id}}, settings page at
 * {@code /p/{KEY}/settings/webhooks}; each event's body and headers are in the API
 * description's {@code webhooks} ({@code web.WebhookCatalogue}).
 * <p>
 * Owns the tables {@code webhooks} and {@code webhook_deliveries} (the log, 30 days:
 * {@code WebhookRetention}). Public API: {@link dev.fixpoint.webhooks.Webhooks},
 * {@link dev.fixpoint.webhooks.WebhookDeliveries} and their records.
 * <p>
 * Consumes the outbox twice ({@code WebhookOutbox}): {@code webhooks} (ordered per bug)
 * gets {@code BugCreated}, {@code BugChanged}, {@code BugStatusChanged},
 * {@code BugAssigned}, {@code CommentAdded}, {@code AttachmentAdded} and
 * {@code SlaThresholdReached} ({@code WebhookFanOut}), and {@code ReleaseCreated},
 * {@code ReleaseChanged}, {@code ReleaseReleased} (ordered per release,
 * {@code ReleaseFanOut}) after their change committed and writes a delivery per matching
 * webhook: the body holds the bug as {@code BugQueries} shows it to the webhook's owner
 * (their role), comments through {@code Comments.find} (internal notes only to webhooks
 * that chose them), releases through {@code Releases.find}. {@code webhook-sender}
 * (ordered per webhook and bug; per webhook for deliveries without a bug) signs
 * ({@code X-Fixpoint-Signature-256}, HMAC-SHA256 of the raw body with the secret, sealed
 * at rest by {@code SecretBox}) and posts each delivery; timeouts, dropped connections,
 * 5xx and 429 are retried by the outbox (backoff, at least {@code Retry-After}) for 24 h,
 * then the webhook is disabled and its owner emailed.
 * <p>
 * SSRF: the HTTP client's DNS resolver ({@code TargetGuard}) refuses hosts resolving to
 * loopback, private, link-local, multicast or unspecified addresses unless
 * {@code FIXPOINT_WEBHOOK_ALLOW_PRIVATE=true}, and the client connects only to the
 * addresses it checked; redirects are not followed.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.webhooks;
