package dev.fixpoint.slack;

/**
 * {@code PUT /api/orgs/{org}/integrations/slack}: connect a workspace with its app's bot
 * token ({@code xoxb-...}) and signing secret, or replace either. Both write-only.
 *
 * @param botToken the bot user OAuth token; required to connect, absent keeps it
 * @param signingSecret the app's signing secret; absent keeps it (or, when connecting,
 * the instance's {@code FIXPOINT_SLACK_SIGNING_SECRET} is used)
 */
public record SlackConnectionChange(String botToken, String signingSecret) {
}
