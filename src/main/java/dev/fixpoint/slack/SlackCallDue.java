package dev.fixpoint.slack;

import java.util.UUID;

/**
 * A call to Slack's Web API that must happen after the change that wants it commits (an
 * unfurl, a private answer, a personal notification): published inside a transaction,
 * made by the {@code slack-calls} outbox consumer. Internal to this module; public only
 * because the outbox stores it as JSON.
 *
 * @param id the call's id (its outbox aggregate)
 * @param teamId the workspace whose bot token makes the call
 * @param method e.g. {@code chat.unfurl}, {@code chat.postEphemeral}
 * @param body the call's JSON body
 */
public record SlackCallDue(UUID id, String teamId, String method, String body) {
}
