package dev.fixpoint.audit;

import java.time.Clock;
import java.time.Duration;

import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes audit entries older than {@code fixpoint.audit.retention}
 * ({@code FIXPOINT_AUDIT_RETENTION}, default 365 days) every few hours; one node at a
 * time (advisory lock), the others skip the round.
 */
@Component
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final AuditRepository entries;

	private final Duration retention;

	private final Clock clock;

	AuditRetention(AuditRepository entries, @Value("${fixpoint.audit.retention:365d}") Duration retention,
			Clock clock) {
		this.entries = entries;
		this.retention = retention;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fixpoint.audit.retention-interval:PT6H}",
			initialDelayString = "${fixpoint.audit.retention-initial-delay:PT10M}")
	@Transactional
	public int purge() {
		if (!this.entries.lockRetention()) {
			return 0;
		}
		int deleted = this.entries.deleteBefore(Times.now(this.clock).minus(this.retention));
		if (deleted > 0) {
			log.info("Deleted {} audit entries older than {}", deleted, this.retention);
		}
		return deleted;
	}

}
