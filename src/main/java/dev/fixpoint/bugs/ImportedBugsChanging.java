package dev.fixpoint.bugs;

import java.util.List;
import java.util.UUID;

/**
 * Imported bugs are about to be updated by a re-run of their import or deleted by its
 * undo ({@link BugImport}): published inside that transaction while their rows still hold
 * the old values, so the data kept beside the bugs (analytics' rollups) can take out what
 * they counted; a re-run then publishes {@link BugsImported} for their new values.
 */
public record ImportedBugsChanging(UUID projectId, List<UUID> bugs) {
}
