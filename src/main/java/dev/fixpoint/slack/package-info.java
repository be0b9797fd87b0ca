/**
 * Slack: bugs where the team already talks. An organization admin connects one Slack
 * workspace ({@link dev.fixpoint.slack.SlackWorkspaces}: a pasted bot token and signing
 * secret; or {@link dev.fixpoint.slack.SlackInstall}: "Add to Slack" OAuth v2 when
 * {@code FIXPOINT_SLACK_CLIENT_ID/SECRET} are set, its state sealed, bound to the admin's
 * browser session and organization, single-use within 15 minutes), sealed by
 * {@code platform.SecretBox}, write-only; the settings page also gives the app manifest
 * to paste into Slack. Project admins subscribe channels to a project with a filter
 * ({@link dev.fixpoint.slack.SlackSubscriptions}: events, severities, optionally a query
 * of the search language, checked on save and evaluated for one bug by search's and bugs'
 * public APIs); people link their Slack user (a verified email match within the
 * organization, or a one-time link) and may choose Slack as a delivery channel of their
 * notifications.
 * <p>
 * {@link dev.fixpoint.slack.SlackInbound} receives Slack's requests ({@code POST
 * /api/integrations/slack/commands}, {@code /interactions}, {@code /events}): each one's
 * v0 signature (HMAC-SHA256 of {@code v0:timestamp:body}, constant time, timestamp within
 * 5 minutes) is checked before anything in it is used, and each signed request is taken
 * once by the whole installation ({@code slack_requests_seen}: a replay is 401 on any
 * node); a Slack user who is not linked is told how to link and nothing else. Commands
 * ({@code /bug KEY}, {@code /bug search}, {@code /report-bug}), the message shortcut
 * "Report as bug", the buttons on posts (assign to me, start, resolve) and link unfurls
 * act as the linked person through the public APIs of bugs and search, so every role and
 * workflow rule applies, and the history says "via Slack" ({@code bugs.Via.SLACK}).
 * <p>
 * Owns {@code slack_workspaces}, {@code slack_users}, {@code slack_link_codes},
 * {@code slack_oauth_states}, {@code slack_subscriptions}, {@code slack_messages},
 * {@code slack_requests_seen} and the column {@code notification_preferences.slack} (read
 * by notifications through {@code notifications.NotificationChannel}). Calls to Slack
 * leave through the outbox: the {@code slack} consumer (ordered per bug) posts one Block
 * Kit message per bug and subscribed channel and edits it in place ({@code chat.update}
 * with the stored {@code ts}); the {@code slack-calls} consumer makes the other calls
 * (unfurls, private answers, personal notifications), backing off on 429 as
 * {@code Retry-After} says (and making no call of that method for that workspace until
 * then). Both are network consumers ({@code callsOut()}: the outbox's network workers,
 * one event per transaction). A new post's {@code ts} is committed at once in its own
 * transaction, so a retried delivery edits it instead of posting again. The exceptions
 * are {@code views.open}, whose trigger expires in 3 seconds, and {@code users.info}
 * (linking by email): called while answering, outside any transaction, giving up after 2
 * seconds.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.slack;
