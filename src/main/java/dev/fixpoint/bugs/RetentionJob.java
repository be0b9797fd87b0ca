package dev.fixpoint.bugs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.SystemActor;
import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.ProjectRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each project's retention policy: bugs closed more than N days ago are deleted
 * (with everything on them: the foreign keys cascade, attachments' bytes are queued for
 * purging by their trigger, the open-bug rollups follow their trigger) or anonymised.
 * Hourly, in batches of {@value #BATCH} in a transaction each, walked with a keyset. Each
 * batch first takes a transaction-scoped advisory lock: one node applies retention at a
 * time (another node's round stops at its first batch), and rows are locked
 * {@code skip locked}. Each project's round is audited with its count
 * ({@code project.retention_applied}, by the System actor).
 */
@Component
class RetentionJob {

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	/** What a round did in one project. */
	record Outcome(UUID projectId, String action, int bugs, boolean interrupted) {
	}

	private final ProjectRetention policies;

	private final Work work;

	private final Clock clock;

	RetentionJob(ProjectRetention policies, Work work, Clock clock) {
		this.policies = policies;
		this.work = work;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fixpoint.retention.bugs-interval:PT1H}",
			initialDelayString = "${fixpoint.retention.bugs-initial-delay:PT9M}")
	void scheduled() {
		run();
	}

	List<Outcome> run() {
		Instant now = Times.now(this.clock);
		List<Outcome> outcomes = new java.util.ArrayList<>();
		for (ProjectRetention.Scheduled project : this.policies.scheduled()) {
			Outcome outcome = apply(project, now);
			outcomes.add(outcome);
			if (outcome.interrupted()) {
				break;
			}
		}
		return outcomes;
	}

	private Outcome apply(ProjectRetention.Scheduled project, Instant now) {
		Instant cutoff = ClosedBugRetention.cutoff(now, project.policy());
		RetentionRepository.Position after = null;
		int total = 0;
		while (true) {
			Work.Batch batch = this.work.batch(project, cutoff, after, now);
			if (batch == null) {
				return finish(project, total, true);
			}
			total += batch.done();
			if (batch.last() == null) {
				return finish(project, total, false);
			}
			after = batch.last();
		}
	}

	private Outcome finish(ProjectRetention.Scheduled project, int total, boolean interrupted) {
		String action = project.policy().deletes() ? "deleted" : "anonymised";
		if (total > 0) {
			this.work.audit(project, action, total);
			log.info("Retention of {}: {} closed bugs {}", project.key(), total, action);
		}
		return new Outcome(project.projectId(), action, total, interrupted);
	}

	/** One batch, in its own transaction. */
	@Component
	static class Work {

		/** {@code last} null: nothing more to do. */
		record Batch(int done, RetentionRepository.Position last) {
		}

		private final RetentionRepository bugs;

		private final AuditLog audit;

		private final ApplicationEventPublisher events;

		private final TransactionTemplate transactions;

		Work(RetentionRepository bugs, AuditLog audit, ApplicationEventPublisher events,
				PlatformTransactionManager transactions) {
			this.bugs = bugs;
			this.audit = audit;
			this.events = events;
			this.transactions = new TransactionTemplate(transactions);
		}

		/** Null when another node is applying retention right now. */
		Batch batch(ProjectRetention.Scheduled project, Instant cutoff, RetentionRepository.Position after,
				Instant now) {
			return this.transactions.execute(status -> {
				if (!this.bugs.tryClaim()) {
					return null;
				}
				boolean deletes = project.policy().deletes();
				List<RetentionRepository.Due> due = this.bugs.nextDue(project.projectId(), cutoff, !deletes, after,
						BATCH);
				if (due.isEmpty()) {
					return new Batch(0, null);
				}
				List<UUID> ids = due.stream().map(RetentionRepository.Due::id).toList();
				int done = deletes ? this.bugs.delete(ids) : anonymise(project, ids, now);
				RetentionRepository.Due last = due.get(due.size() - 1);
				return new Batch(done, new RetentionRepository.Position(last.closedAt(), last.id()));
			});
		}

		private int anonymise(ProjectRetention.Scheduled project, List<UUID> ids, Instant now) {
			UUID anonymous = SystemActor.ANONYMOUS.id();
			for (RetentionRepository.Texts texts : this.bugs.texts(ids)) {
				this.bugs.anonymise(
						new RetentionRepository.Texts(texts.id(), title(texts.title()),
								AnonymisedText.of(texts.description()), AnonymisedText.of(texts.steps()),
								AnonymisedText.of(texts.expected()), AnonymisedText.of(texts.actual())),
						anonymous, now);
			}
			this.bugs.anonymiseHistory(ids, anonymous);
			this.events.publishEvent(new BugsAnonymised(project.projectId(), ids, anonymous));
			return ids.size();
		}

		private static String title(String title) {
			String anonymised = AnonymisedText.of(title);
			return anonymised.length() <= 200 ? anonymised : anonymised.substring(0, 200);
		}

		void audit(ProjectRetention.Scheduled project, String action, int total) {
			this.transactions.executeWithoutResult(
					status -> this.audit.record(AuditEvent.of("project.retention_applied", SystemActor.SYSTEM.id())
						.org(project.orgId())
						.target("project", project.projectId(), project.key())
						.change(null, Map.of(action, total, "retention_days", project.policy().retentionDays()))));
		}

	}

}
