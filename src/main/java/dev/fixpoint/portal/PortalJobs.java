package dev.fixpoint.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The portal's scheduled work, on every node (docs/ARCHITECTURE.md, "Running several
 * nodes"): composing reporters' batched updates ({@link ReporterUpdates}) and status
 * subscribers' digests ({@link StatusDigests}), rows claimed {@code FOR UPDATE SKIP
 * LOCKED}, and the hourly cleanup: reports whose email was never confirmed within
 * {@code fixpoint.portal.unconfirmed-after} (claimed {@code skip locked}, so a
 * confirmation in progress wins), unconfirmed status page subscriptions, full rate limit
 * buckets, expired answered challenges and sent updates (reporters' and subscribers')
 * older than 30 days (plain deletes: two nodes deleting the same rows is harmless).
 */
@Component
class PortalJobs {

	private static final Logger log = LoggerFactory.getLogger(PortalJobs.class);

	private static final int DELETE_BATCH = 500;

	private final ReporterUpdates updates;

	private final StatusDigests digests;

	private final PortalRepository reports;

	private final JdbcClient jdbc;

	private final PortalProperties properties;

	private final Clock clock;

	PortalJobs(ReporterUpdates updates, StatusDigests digests, PortalRepository reports, JdbcClient jdbc,
			PortalProperties properties, Clock clock) {
		this.updates = updates;
		this.digests = digests;
		this.reports = reports;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fixpoint.portal.poll-interval:30s}",
			initialDelayString = "${fixpoint.portal.initial-delay:30s}")
	void composeUpdates() {
		if (this.properties.scheduled()) {
			Instant now = Times.now(this.clock);
			this.updates.composeDue(now);
			this.digests.composeDue(now);
		}
	}

	@Scheduled(fixedDelayString = "${fixpoint.portal.cleanup-interval:1h}",
			initialDelayString = "${fixpoint.portal.cleanup-initial-delay:10m}")
	void scheduledCleanup() {
		if (this.properties.scheduled()) {
			cleanup(Times.now(this.clock));
		}
	}

	/** Deletes what is due at {@code now}; returns the unconfirmed reports deleted. */
	int cleanup(Instant now) {
		Instant unconfirmedBefore = now.minus(this.properties.unconfirmedAfter());
		int reports = 0;
		int deleted;
		do {
			deleted = this.reports.deleteUnconfirmed(unconfirmedBefore, DELETE_BATCH);
			reports += deleted;
		}
		while (deleted == DELETE_BATCH);
		int subscribers = delete("delete from status_subscribers where confirmed_at is null and created_at < :before",
				unconfirmedBefore);
		delete("delete from portal_rate_limits where updated_at < :before", now.minus(this.properties.window()));
		delete("delete from portal_used_challenges where expires_at < :before", now);
		delete("delete from portal_updates where sent_at < :before", now.minus(Duration.ofDays(30)));
		delete("delete from status_updates where sent_at < :before", now.minus(Duration.ofDays(30)));
		if (reports + subscribers > 0) {
			log.info("Deleted {} portal reports and {} status subscriptions whose email was never confirmed", reports,
					subscribers);
		}
		return reports;
	}

	private int delete(String sql, Instant before) {
		return this.jdbc.sql(sql).param("before", java.sql.Timestamp.from(before)).update();
	}

}
