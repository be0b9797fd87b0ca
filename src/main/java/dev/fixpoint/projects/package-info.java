/**
 * Projects, their members and roles, components, and the per-project bug numbers. Owns
 * the role table of the HTTP API contract (docs/API.md), in one place:
 * {@link dev.fixpoint.projects.ProjectAction}. Every module asks
 * {@link dev.fixpoint.projects.ProjectAccess} before doing anything in a project.
 * <p>
 * Owns the tables {@code projects} (including the {@code workflow} JSON; sla writes
 * {@code sla_config}), {@code project_members} and {@code components}. Public API:
 * {@link dev.fixpoint.projects.ProjectAccess} (the gate: non-members get 404 as if the
 * project did not exist, {@code Membership.require(action)} gives 403),
 * {@link dev.fixpoint.projects.Projects}, {@link dev.fixpoint.projects.ProjectMembers},
 * {@link dev.fixpoint.projects.ProjectComponents},
 * {@link dev.fixpoint.projects.Membership}, {@link dev.fixpoint.projects.ProjectRole},
 * {@link dev.fixpoint.projects.FilingSlot}, {@link dev.fixpoint.projects.Capabilities}
 * (what a member may do, for the pages: the same table, so no page offers what the server
 * refuses).
 * <p>
 * Rules: bug numbers come from one sequence per project ({@code bug_number_<project id>},
 * created and dropped with the project by triggers, V13), so filings never wait for each
 * other and a rolled-back filing leaves a gap. {@code ProjectAccess.nextBug} returns the
 * number with the workflow read under a share lock on the project row, so a workflow
 * change (which locks the row for update) never misses a bug filed in a status it
 * removes. Parsed workflows are cached per distinct JSON. A project always keeps an admin
 * (the admins' rows are locked while one is demoted or removed). Publishes and listens to
 * no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.projects;
