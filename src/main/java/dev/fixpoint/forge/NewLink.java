package dev.fixpoint.forge;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/projects/{id}/integrations}: a repository to link.
 *
 * @param forge {@code github} or {@code gitlab}
 * @param repository {@code owner/name} (GitHub), the project's path or numeric id
 * (GitLab)
 * @param instanceUrl a self-managed GitLab's or GitHub Enterprise's URL (default:
 * github.com, gitlab.com)
 * @param webhookSecret the secret (GitHub) or token (GitLab) the forge signs with;
 * omitted: one is generated and shown once
 * @param accessToken optional token to comment back and sync issues
 */
public record NewLink(@NotNull String forge, @NotNull @Size(min = 1, max = 255) String repository,
		@Size(max = 255) String instanceUrl, @Size(min = 8, max = 255) String webhookSecret,
		@Size(max = 1000) String accessToken, @Size(max = 100) String openedStatus,
		@Size(max = 100) String mergedStatus) {
}
