/**
 * GitHub and GitLab: repositories linked to projects, their webhooks, and the way back. A
 * project admin links GitHub repositories ({@code owner/name}) and GitLab projects (path
 * or id, with the instance URL) ({@link dev.fixpoint.forge.ForgeLinks}, which also
 * implements {@code projects.RepositoryLinks} for the contract's {@code PATCH
 * /api/projects/{id}}); each link's webhook secret (and optional access token) is sealed
 * by {@code platform.SecretBox}, shown once, rotatable.
 * <p>
 * {@link dev.fixpoint.forge.Webhooks} receives {@code POST /api/webhooks/github} and
 * {@code /gitlab}: the signature ({@code X-Hub-Signature-256}, HMAC-SHA256 over the raw
 * bytes) or token ({@code X-Gitlab-Token}) is checked against the links of the repository
 * the payload names before anything else is read from it (no link, or no link whose
 * secret verifies: 401, nothing changes); a delivery id is applied once; every delivery
 * is logged in {@code forge_deliveries} (30 days, {@code DeliveryRetention}) with what it
 * did. Bug keys of the linked projects in a pull/merge request's title, body and branch
 * and in commit messages link the code to the bug ({@code bugs.CodeLinks}); a closing
 * word ({@code fixes WEB-42}) on a merged request resolves it through the workflow
 * ({@code bugs.BugManagement.automate}) as the system actor GitHub or GitLab: a move the
 * workflow refuses is logged, never forced.
 * <p>
 * Owns {@code forge_links}, {@code forge_deliveries}, {@code forge_comments},
 * {@code forge_issues}; writes the summary columns of {@code projects} only through
 * {@code Projects.showRepositories}. Calls to the forges leave through the outbox: the
 * {@code forge} consumer of {@code BugStatusChanged} ({@code ForgeCallbacks}, links with
 * an access token) keeps one comment per linked open pull/merge request up to date and
 * closes or reopens linked forge issues; the forge's own changes are not pushed back and
 * the echo of ours is ignored ({@code forge_issues.pushed_state}).
 * <p>
 * A link with an access token imports its repository's issues
 * ({@link dev.fixpoint.forge.ForgeIssueImports}, {@code POST
 * /api/projects/{id}/integrations/{link}/imports}, the integration page's "Import
 * issues"): a job of the {@code imports} module ({@code github_api}, {@code gitlab_api}:
 * its engine, pagination, rate-limit waits, dry run, progress page, idempotent re-runs
 * and undo) with the link's API address and token. {@code ImportedIssues} listens to
 * {@code imports.IssuesImported} in each batch's transaction and makes every imported
 * issue a linked forge issue of that link, so it takes part in the status sync.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.forge;
