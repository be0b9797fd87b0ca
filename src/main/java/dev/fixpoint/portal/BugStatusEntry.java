package dev.fixpoint.portal;

import java.util.UUID;

import dev.fixpoint.projects.Capabilities;

/**
 * A bug as its status page entry panel shows it to a project admin: the bug, its entry
 * when published ({@code entry} null otherwise) and the organization whose page it is on.
 */
public record BugStatusEntry(Capabilities can, String bugKey, String bugTitle, UUID orgId, StatusEntry entry) {
}
