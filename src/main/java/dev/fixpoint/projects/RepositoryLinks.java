package dev.fixpoint.projects;

/**
 * The hook through which {@code PATCH /api/projects/{id}} manages a project's first
 * GitHub and GitLab links ({@code github_repo}, {@code gitlab_project} and their
 * secrets), implemented by the module that owns the links (forge), so projects does not
 * depend on it. Called in the update's transaction, for a project admin.
 */
public interface RepositoryLinks {

	/**
	 * Applies the integration fields of a project change.
	 * @return what the project shows of its first links afterwards
	 */
	RepositorySummary change(Membership admin, RepositoryChanges changes);

	/**
	 * The integration fields of {@code PATCH /api/projects/{id}}; null leaves a field as
	 * it is, an empty repository removes the first link.
	 */
	record RepositoryChanges(String githubRepo, String githubWebhookSecret, String gitlabProject,
			String gitlabWebhookToken) {

		public boolean isEmpty() {
			return this.githubRepo == null && this.githubWebhookSecret == null && this.gitlabProject == null
					&& this.gitlabWebhookToken == null;
		}

	}

	/** What a project shows of its first GitHub and GitLab links: never a secret. */
	record RepositorySummary(String githubRepo, boolean githubWebhookSecretSet, String gitlabProject,
			boolean gitlabWebhookTokenSet) {

	}

}
