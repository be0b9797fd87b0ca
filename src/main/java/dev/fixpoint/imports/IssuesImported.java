package dev.fixpoint.imports;

import java.util.List;
import java.util.UUID;

/**
 * Issues read from a tracker's REST API that one batch of an import (not a dry run) wrote
 * as bugs, published in the batch's transaction: a plain {@code @EventListener} keeps
 * what it needs of them with the batch (the forge module links each GitHub or GitLab
 * issue to its bug, for the two-way status sync).
 *
 * @param source the API ({@code github_api}, {@code gitlab_api}, ...)
 * @param origin where they were read: the API's address (GitHub:
 * {@code https://api.github.com} when the connection named none; GitLab: its
 * {@code /api/v4} root) and the scope (GitHub {@code owner/repo}, GitLab the project's
 * path or id); never the token
 */
public record IssuesImported(UUID projectId, UUID jobId, ImportSource source, ImportConnection origin,
		List<Issue> issues) {

	/**
	 * @param originalId the source's id (GitHub {@code owner/repo#12}, GitLab
	 * {@code group/project#12}: the number after the last {@code #})
	 * @param url the issue's page
	 */
	public record Issue(String originalId, String url, UUID bugId) {
	}

}
