package dev.fixpoint.imports;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.bugs.BugImport;
import dev.fixpoint.bugs.ImportedBug;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one batch of a job in one transaction: its bugs (through {@link BugImport}), its
 * warnings and the job's progress. Either all of it commits or none, so a job resumed
 * after a crash continues exactly after its last committed batch.
 */
@Component
class ImportBatches {

	private final ImportJobRepository jobs;

	private final BugImport bugs;

	private final Clock clock;

	ImportBatches(ImportJobRepository jobs, BugImport bugs, Clock clock) {
		this.jobs = jobs;
		this.bugs = bugs;
		this.clock = clock;
	}

	/** A batch: the rows it covers and what they became. */
	record Batch(int rows, List<ImportedBug> bugs, List<ImportWarning> warnings, ImportReport report) {
	}

	/** What became of a batch. */
	enum Outcome {

		/** Written; the job goes on. */
		WRITTEN,
		/** The job was cancelled: it is marked so, nothing of the batch is written. */
		CANCELLED,
		/** Another node runs the job now (this one was thought dead): stop quietly. */
		LOST

	}

	@Transactional
	Outcome write(UUID jobId, String node, Membership importer, ImportSource source, Batch batch) {
		ImportJobRepository.JobRow job = this.jobs.lockOwned(jobId, node).orElse(null);
		if (job == null) {
			return Outcome.LOST;
		}
		if (job.cancelRequested()) {
			this.jobs.finish(jobId, ImportState.CANCELLED, null, Times.now(this.clock));
			return Outcome.CANCELLED;
		}
		int created;
		int updated;
		if (job.dryRun()) {
			Set<String> ids = new LinkedHashSet<>();
			batch.bugs().forEach(b -> ids.add(b.originalId()));
			updated = this.bugs.imported(job.projectId(), source.identity(), ids).size();
			created = ids.size() - updated;
		}
		else {
			BugImport.Written written = this.bugs.write(importer, source.identity(), "imported from " + source.label(),
					batch.bugs());
			created = written.created();
			updated = written.updated();
		}
		int skipped = batch.rows() - batch.bugs().size();
		this.jobs.warnings(jobId, job.warningCount(), batch.warnings());
		this.jobs.progress(jobId, batch.rows(), created, updated, skipped, batch.warnings().size(), batch.report(),
				Times.now(this.clock));
		return Outcome.WRITTEN;
	}

}
