package dev.fixpoint.projects;

import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/projects/{id}}: only the fields given change; null is refused (an
 * empty description clears it). The integration fields manage the project's first GitHub
 * and GitLab links through {@link RepositoryLinks}; secrets are write-only.
 */
public record ProjectChanges(@Size(min = 1, max = 100, message = "must be 1–100 characters") String name,
		@Size(max = 10000, message = "must be at most 10,000 characters") String description, Boolean isPublic,
		@Size(max = 255, message = "must be at most 255 characters") String githubRepo,
		@Size(max = 255, message = "must be at most 255 characters") String githubWebhookSecret,
		@Size(max = 255, message = "must be at most 255 characters") String gitlabProject,
		@Size(max = 255, message = "must be at most 255 characters") String gitlabWebhookToken) {

	RepositoryLinks.RepositoryChanges repositories() {
		return new RepositoryLinks.RepositoryChanges(this.githubRepo, this.githubWebhookSecret, this.gitlabProject,
				this.gitlabWebhookToken);
	}

}
