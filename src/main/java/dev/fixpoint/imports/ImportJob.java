package dev.fixpoint.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import as the API shows it: its state and progress (rows processed of the total,
 * what they did: bugs created, updated, skipped, comments added, links written,
 * attachments downloaded), the first warnings (all of them: the CSV download), the
 * report, and the pace: rows per second since it started and the seconds it still needs
 * at that pace.
 */
public record ImportJob(UUID id, UUID projectId, ImportSource source, boolean dryRun, String filename, long sizeBytes,
		String charset, ImportState state, Integer total, int processed, int created, int updated, int skipped,
		int comments, int links, int attachments, int warningCount, List<ImportWarning> warnings, ImportReport report,
		String error, boolean cancelRequested, Instant createdAt, Instant startedAt, Instant finishedAt,
		Double rowsPerSecond, Long etaSeconds) {

	/**
	 * How much of the file is done, 0 to 100 (0 while the rows are still being counted).
	 */
	public int percent() {
		if (this.state == ImportState.DONE || this.state == ImportState.UNDONE) {
			return 100;
		}
		return this.total == null || this.total == 0 ? 0 : (int) Math.min(100, 100L * this.processed / this.total);
	}

}
