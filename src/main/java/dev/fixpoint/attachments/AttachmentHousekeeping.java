package dev.fixpoint.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.fixpoint.attachments.storage.ObjectStorage;
import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled cleanup, safe on several nodes: applies each project's retention policy
 * (attachments of bugs closed more than N days ago), removes the stored objects queued by
 * deletes, and sweeps the store for objects no row refers to (an upload that crashed
 * between storing and recording) once they are older than the grace period. Retention and
 * purges lock rows with {@code skip locked}; the sweep runs on one node at a time
 * (advisory lock).
 */
@Component
class AttachmentHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(AttachmentHousekeeping.class);

	/** What one run did, for logs and tests. */
	record Report(int expired, int purged, int orphans) {
	}

	private final AttachmentRepository attachments;

	private final ObjectStorage storage;

	private final Purges purges;

	private final AttachmentProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AttachmentHousekeeping(AttachmentRepository attachments, ObjectStorage storage, Purges purges,
			AttachmentProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.attachments = attachments;
		this.storage = storage;
		this.purges = purges;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fixpoint.attachments.cleanup-interval:PT10M}",
			initialDelayString = "${fixpoint.attachments.cleanup-initial-delay:PT2M}")
	void scheduled() {
		Report report = run(Times.now(this.clock));
		if (report.expired() + report.purged() + report.orphans() > 0) {
			log.info("Attachment cleanup: {} expired by retention, {} objects purged, {} orphaned objects removed",
					report.expired(), report.purged(), report.orphans());
		}
	}

	Report run(Instant now) {
		int expired = applyRetention(now);
		int purged = this.purges.purgeQueued();
		int orphans = sweepOrphans(now.minus(this.properties.orphanGrace()));
		return new Report(expired, purged, orphans);
	}

	int applyRetention(Instant now) {
		int total = 0;
		for (AttachmentRepository.Retention retention : this.attachments.retentions()) {
			Instant cutoff = now.minus(java.time.Duration.ofDays(retention.days()));
			Integer deleted = this.transactions
				.execute(status -> this.attachments.deleteOfBugsClosedBefore(retention.projectId(), cutoff));
			total += deleted == null ? 0 : deleted;
		}
		return total;
	}

	/**
	 * Objects older than {@code olderThan} that no row refers to (and that no purge is
	 * handling) are deleted.
	 */
	int sweepOrphans(Instant olderThan) {
		Integer removed = this.transactions.execute(status -> {
			if (!this.attachments.tryLockSweep() || !this.attachments.tryHoldPurges()) {
				return 0;
			}
			List<String> candidates = new ArrayList<>();
			try {
				this.storage.forEach(object -> {
					if (object.lastModified().isBefore(olderThan)) {
						candidates.add(object.key());
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			int count = 0;
			for (int i = 0; i < candidates.size(); i += 500) {
				List<String> batch = candidates.subList(i, Math.min(candidates.size(), i + 500));
				Set<String> referenced = new HashSet<>(this.attachments.referenced(batch));
				for (String key : batch) {
					if (!referenced.contains(key) && deleteQuietly(key)) {
						count++;
					}
				}
			}
			return count;
		});
		return removed == null ? 0 : removed;
	}

	private boolean deleteQuietly(String key) {
		try {
			this.storage.delete(key);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not remove an orphaned object ({})", ex.getClass().getSimpleName());
			return false;
		}
	}

}
