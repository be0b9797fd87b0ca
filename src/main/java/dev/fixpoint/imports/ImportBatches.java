package dev.fixpoint.imports;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.bugs.BugImport;
import dev.fixpoint.bugs.ImportedBug;
import dev.fixpoint.bugs.ImportedComment;
import dev.fixpoint.comments.CommentImport;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Writes one batch of a job in one transaction: its bugs (through {@link BugImport}),
 * their comments ({@link CommentImport}), its links (kept for the job's end), its
 * warnings and the job's progress. Either all of it commits or none, and batches commit
 * in the file's order ({@link BatchPipeline}), so a job resumed after a crash continues
 * exactly after its last committed batch.
 */
@Component
class ImportBatches {

	private final ImportJobRepository jobs;

	private final BugImport bugs;

	private final Clock clock;

	private final CommentImport comments;

	private final ApplicationEventPublisher events;

	ImportBatches(ImportJobRepository jobs, BugImport bugs, CommentImport comments, Clock clock,
			ApplicationEventPublisher events) {
		this.jobs = jobs;
		this.bugs = bugs;
		this.comments = comments;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * A batch: the rows it covers and what they became; {@code origin}: the API they were
	 * read from (null for a file).
	 */
	record Batch(int rows, List<ImportedBug> bugs, List<BugImport.Link> links,
			List<RowTranslator.Attachment> attachments, List<ImportWarning> warnings, ImportReport report,
			ImportConnection origin) {
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

	/**
	 * Writes the batch in its turn ({@link BatchPipeline.Turn}): its work first, then,
	 * once the batch before it committed, the job locked, checked and moved on, and the
	 * commit. Nothing of a batch commits when the job was cancelled (the runner marks it
	 * so, {@link #cancel}), is run by another node now, or the batch before this one was
	 * not written.
	 */
	@Transactional
	Outcome write(UUID jobId, String node, Membership importer, ImportSource source, Batch batch,
			BatchPipeline.Turn turn) {
		ImportJobRepository.JobRow job = this.jobs.find(jobId).orElse(null);
		if (job == null || !node.equals(job.claimedBy()) || job.state() != ImportState.RUNNING) {
			return rollBack(Outcome.LOST);
		}
		if (job.cancelRequested()) {
			return rollBack(Outcome.CANCELLED);
		}
		this.jobs.batchSettings();
		int created;
		int updated;
		int comments = 0;
		if (job.dryRun()) {
			turn.numbered();
			Set<String> ids = new LinkedHashSet<>();
			batch.bugs().forEach(b -> ids.add(b.originalId()));
			updated = this.bugs.imported(job.projectId(), source.identity(), ids).size();
			created = ids.size() - updated;
		}
		else {
			BugImport.Written written = this.bugs.write(importer, source.identity(), "imported from " + source.label(),
					jobId, batch.bugs(), turn);
			created = written.created();
			updated = written.updated();
			Map<UUID, List<ImportedComment>> byBug = new LinkedHashMap<>();
			for (ImportedBug bug : batch.bugs()) {
				if (!bug.comments().isEmpty()) {
					byBug.put(written.ids().get(bug.originalId()), bug.comments());
				}
			}
			comments = this.comments.write(importer, byBug);
			if (batch.origin() != null && !batch.bugs().isEmpty()) {
				this.events.publishEvent(new IssuesImported(job.projectId(), jobId, source, batch.origin(),
						batch.bugs()
							.stream()
							.map(b -> new IssuesImported.Issue(b.originalId(), b.originalUrl(),
									written.ids().get(b.originalId())))
							.toList()));
			}
			this.jobs.links(jobId, batch.links());
			this.jobs.attachments(jobId, job.projectId(), source.identity(), batch.attachments());
		}
		if (!turn.beforeWritten()) {
			// the runner ends the job on the batch before; this one is done again on a
			// resume
			return rollBack(Outcome.LOST);
		}
		job = this.jobs.lockOwned(jobId, node).orElse(null);
		if (job == null) {
			return rollBack(Outcome.LOST);
		}
		if (job.cancelRequested()) {
			return rollBack(Outcome.CANCELLED);
		}
		int skipped = batch.rows() - batch.bugs().size();
		this.jobs.warnings(jobId, job.warningCount(), batch.warnings());
		this.jobs.progress(jobId, batch.rows(), created, updated, skipped, comments, batch.warnings().size(),
				batch.report(), Times.now(this.clock));
		return Outcome.WRITTEN;
	}

	private static Outcome rollBack(Outcome outcome) {
		TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		return outcome;
	}

	/**
	 * Marks the job cancelled once its batches in flight are done (a batch that saw the
	 * cancellation rolled back).
	 */
	@Transactional
	Outcome cancel(UUID jobId, String node) {
		if (this.jobs.lockOwned(jobId, node).isEmpty()) {
			return Outcome.LOST;
		}
		this.jobs.finish(jobId, ImportState.CANCELLED, null, Times.now(this.clock));
		return Outcome.CANCELLED;
	}

	/**
	 * Ends a job whose rows are all written: its links (collected batch by batch, the
	 * targets all written now) and its state in one transaction.
	 */
	@Transactional
	Outcome complete(UUID jobId, String node, Membership importer, ImportSource source) {
		ImportJobRepository.JobRow job = this.jobs.lockOwned(jobId, node).orElse(null);
		if (job == null) {
			return Outcome.LOST;
		}
		if (!job.dryRun()) {
			int linked = this.bugs.link(importer, source.identity(), this.jobs.links(jobId));
			this.jobs.linked(jobId, linked);
		}
		this.jobs.finish(jobId, ImportState.DONE, null, Times.now(this.clock));
		return Outcome.WRITTEN;
	}

}
