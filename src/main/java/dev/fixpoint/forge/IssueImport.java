package dev.fixpoint.forge;

import dev.fixpoint.imports.ImportMapping;

/**
 * {@code POST /api/projects/{id}/integrations/{link}/imports}: import the linked
 * repository's issues with the link's access token.
 *
 * @param dryRun count what the import would do and write nothing (default false)
 * @param mapping optional: labels to priorities ({@code priorities: {"urgent": "P0"}})
 * and severities, {@code open}/{@code closed} (GitLab {@code opened}) to statuses, logins
 * to members ({@code people})
 */
public record IssueImport(Boolean dryRun, ImportMapping mapping) {
}
