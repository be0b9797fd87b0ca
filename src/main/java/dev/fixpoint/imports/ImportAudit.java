package dev.fixpoint.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import's life in its organization's audit log: {@code import.started} (who, source,
 * dry run, file), {@code import.cancelled} (who, the counts so far), and how it ended,
 * {@code import.completed} or {@code import.failed} with its counts (as the person who
 * started it). The project is the target.
 */
@Component
class ImportAudit {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportAudit.class);

	private final AuditLog audit;

	private final ImportJobRepository jobs;

	private final TransactionTemplate transactions;

	private final ProjectAccess access;

	ImportAudit(AuditLog audit, ImportJobRepository jobs, PlatformTransactionManager transactions,
			ProjectAccess access) {
		this.access = access;
		this.audit = audit;
		this.jobs = jobs;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** In the transaction that queued the job. */
	void started(Membership member, UUID jobId) {
		ImportJobRepository.JobRow job = this.jobs.find(jobId).orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("import", job.id().toString());
		after.put("source", job.source().key());
		after.put("dry_run", job.dryRun());
		after.put("file", job.filename());
		record("import.started", member.user().id(), member, after);
	}

	/** In the cancelling transaction. */
	void cancelled(Membership member, UUID jobId) {
		record("import.cancelled", member.user().id(), member, counts(this.jobs.find(jobId).orElseThrow()));
	}

	/**
	 * After a node's run of the job: records how it ended, if it did (a run cut short
	 * records nothing; a cancelled job was recorded when asked). Never fails the runner.
	 */
	void ended(UUID jobId) {
		try {
			this.transactions.executeWithoutResult(status -> this.jobs.find(jobId).ifPresent(this::ended));
		}
		catch (RuntimeException ex) {
			log.warn("Import {} ended but could not be audited ({})", jobId, ex.getClass().getSimpleName());
		}
	}

	private void ended(ImportJobRepository.JobRow job) {
		// the project as it is (its creator may have left it meanwhile)
		Membership importer = this.access.asSystem(job.projectId(), new CurrentUser(job.createdBy(), null, null, null),
				ProjectRole.ADMIN);
		switch (job.state()) {
			case DONE -> record("import.completed", job.createdBy(), importer, counts(job));
			case FAILED -> {
				Map<String, Object> after = counts(job);
				after.put("error", job.error());
				record("import.failed", job.createdBy(), importer, after);
			}
			default -> {
			}
		}
	}

	private void record(String action, UUID actor, Membership member, Map<String, Object> after) {
		this.audit.record(AuditEvent.of(action, actor)
			.org(member.project().orgId())
			.target("project", member.projectId(), member.project().key())
			.change(null, after));
	}

	private static Map<String, Object> counts(ImportJobRepository.JobRow job) {
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("import", job.id().toString());
		counts.put("source", job.source().key());
		counts.put("dry_run", job.dryRun());
		counts.put("processed", job.processed());
		counts.put("created", job.created());
		counts.put("updated", job.updated());
		counts.put("skipped", job.skipped());
		counts.put("comments", job.comments());
		counts.put("attachments", job.attachments());
		counts.put("warnings", job.warningCount());
		return counts;
	}

}
