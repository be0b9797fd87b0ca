package dev.fixpoint.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the rollups' deltas into the rollups (V47: {@code analytics_fold()}), every
 * {@code fixpoint.analytics.fold-interval}, on one node at a time. Writers only insert
 * deltas, so a filing never waits for another filing's count; readers read the views
 * (folded + deltas), so a count is exact whether folded or not. One transaction: each
 * delta is deleted by the statement that adds it to its rollup, so it counts exactly
 * once, and a fold that fails leaves every delta in place for the next one.
 */
@Component
class RollupDeltas {

	private static final Logger log = LoggerFactory.getLogger(RollupDeltas.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	RollupDeltas(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${fixpoint.analytics.fold-interval:PT1S}",
			initialDelayString = "${fixpoint.analytics.fold-initial-delay:PT5S}")
	void run() {
		try {
			fold();
		}
		catch (RuntimeException ex) {
			// the deltas stay and still count; the next fold takes them
			log.warn("Folding the analytics deltas failed: {}", ex.toString());
		}
	}

	/**
	 * Folds every committed delta; how many delta rows it folded, or -1 when another node
	 * is folding. Joins the caller's transaction if there is one.
	 */
	long fold() {
		Long folded = this.transaction.execute(status -> {
			boolean claimed = Boolean.TRUE
				.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('analytics-fold', 14))")
					.query(Boolean.class)
					.single());
			return claimed ? this.jdbc.sql("select analytics_fold()").query(Long.class).single() : -1L;
		});
		return folded == null ? -1 : folded;
	}

}
