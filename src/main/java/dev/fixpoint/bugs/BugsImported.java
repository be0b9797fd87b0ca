package dev.fixpoint.bugs;

import java.util.List;
import java.util.UUID;

/**
 * A batch of bugs was brought in from another tracker ({@link BugImport}). Published
 * inside the batch's transaction for the data kept beside the bugs (analytics' rollups of
 * the days they were created and resolved on), and taken by triage's outbox consumer (the
 * batch is embedded, one row per batch); an import notifies nobody and starts no SLA
 * clock.
 *
 * @param bugs the bugs this batch filed or updated, as they are now (the updated ones
 * were announced by {@link ImportedBugsChanging} before)
 */
public record BugsImported(UUID projectId, List<UUID> bugs) {
}
