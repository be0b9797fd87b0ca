package dev.fixpoint.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prunes what is kept only for a while: audit entries past
 * {@code fixpoint.audit.retention} (default 365 days), API tokens expired for
 * {@code fixpoint.retention.expired-tokens} (default 7 days), emailed links used or
 * expired for {@code fixpoint.retention.links} (default 7 days) and browser sessions
 * expired for {@code fixpoint.retention.sessions} (default 1 day). Hourly; one node at a
 * time (a transaction-scoped advisory lock: the others skip the round).
 */
@Component
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	record Pruned(boolean ran, int auditEntries, int tokens, int links, int sessions) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TokenRepository tokens;

	private final AccountLinkRepository links;

	private final Periods periods;

	private final Clock clock;

	record Periods(Duration audit, Duration expiredTokens, Duration links, Duration sessions) {
	}

	Retention(JdbcClient jdbc, AuditLog audit, TokenRepository tokens, AccountLinkRepository links,
			@Value("${fixpoint.audit.retention:365d}") Duration auditRetention,
			@Value("${fixpoint.retention.expired-tokens:7d}") Duration expiredTokens,
			@Value("${fixpoint.retention.links:7d}") Duration linkRetention,
			@Value("${fixpoint.retention.sessions:1d}") Duration sessions, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.tokens = tokens;
		this.links = links;
		this.periods = new Periods(auditRetention, expiredTokens, linkRetention, sessions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fixpoint.retention.interval:PT1H}",
			initialDelayString = "${fixpoint.retention.initial-delay:PT5M}")
	@Transactional
	public Pruned prune() {
		if (!Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('retention', 19))")
			.query(Boolean.class)
			.single())) {
			return new Pruned(false, 0, 0, 0, 0);
		}
		Instant now = Times.now(this.clock);
		Pruned pruned = new Pruned(true, this.audit.deleteBefore(now.minus(this.periods.audit())),
				this.tokens.deleteExpiredBefore(now.minus(this.periods.expiredTokens())),
				this.links.deleteSpent(now.minus(this.periods.links())), deleteSessions(now));
		if (pruned.auditEntries() + pruned.tokens() + pruned.links() + pruned.sessions() > 0) {
			log.info("Retention: deleted {}", pruned);
		}
		return pruned;
	}

	// Spring Session keeps epoch milliseconds
	private int deleteSessions(Instant now) {
		return this.jdbc.sql("delete from spring_session where expiry_time < :cutoff")
			.param("cutoff", now.minus(this.periods.sessions()).toEpochMilli())
			.update();
	}

	Periods periods() {
		return this.periods;
	}

}
