package dev.fixpoint.forge;

import java.time.Instant;
import java.util.UUID;

/**
 * A linked repository as the API and the settings page show it: never a secret.
 *
 * @param forge {@code github} or {@code gitlab}
 * @param repository {@code owner/name} or the GitLab project's path or numeric id
 * @param webhookUrl where to point the forge's webhook
 * @param openedStatus the status an opened pull request moves its bugs to (null: only
 * link them)
 * @param mergedStatus the status a merged pull request with a closing word moves them to
 * @param lastDelivery the newest delivery for this link, if any
 */
public record RepositoryLink(UUID id, UUID projectId, String forge, String repository, String instanceUrl,
		String webhookUrl, boolean webhookSecretSet, boolean accessTokenSet, String openedStatus, String mergedStatus,
		Instant createdAt, Delivery lastDelivery) {
}
