package dev.fixpoint.projects;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.workflow.Workflow;

/**
 * A project as the API shows it (the contract's {@code project} object, {@code my_role}
 * is the caller's). {@code github_repo} and {@code gitlab_project} name its first links
 * ({@link RepositoryLinks}); their secrets show only as set or not.
 */
public record Project(UUID id, UUID orgId, String key, String name, String slug, String description, boolean isPublic,
		Workflow workflow, Map<String, Object> slaConfig, String githubRepo, boolean githubWebhookSecretSet,
		String gitlabProject, boolean gitlabWebhookTokenSet, Instant createdAt, ProjectRole myRole) {
}
