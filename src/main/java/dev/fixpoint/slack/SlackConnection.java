package dev.fixpoint.slack;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An organization's Slack connection as its admins see it ({@code GET
 * /api/orgs/{org}/integrations/slack}): secrets only as set or not.
 *
 * @param connected whether a workspace is connected
 * @param signingSecretSet the workspace has a signing secret of its own (a pasted app)
 * @param instanceSigningSecret the instance's app signs requests
 * ({@code FIXPOINT_SLACK_SIGNING_SECRET} is set)
 * @param addToSlack "Add to Slack" is available ({@code FIXPOINT_SLACK_CLIENT_ID/SECRET})
 * @param requestUrls the URLs to give Slack: commands, interactions, events
 * @param manifest the app manifest to paste into Slack's "Create app from manifest"
 */
public record SlackConnection(UUID orgId, boolean connected, String teamId, String teamName, boolean botTokenSet,
		boolean signingSecretSet, boolean instanceSigningSecret, boolean addToSlack, Instant connectedAt,
		Map<String, String> requestUrls, Map<String, Object> manifest) {
}
