package dev.fixpoint.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When PostgreSQL may reuse a plan. By default (plan_cache_mode {@code auto}) a statement
 * run often enough gets a generic plan: right for lookups by id or key, which then skip
 * planning (bench/sql/README.md finding 18). A query whose best plan depends on its
 * values (which project: 30 bugs or 100,000; which words) must be planned for them: a
 * generic full-text plan that ignores the project is many times slower (finding 3). Such
 * queries call {@link #customForTransaction} first.
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	/**
	 * Plans every following statement of the current transaction for its actual
	 * parameters.
	 */
	public static void customForTransaction(JdbcClient jdbc) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// outside a transaction the setting would only last for this one statement
			throw new IllegalStateException("Custom plans need a transaction");
		}
		jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query(String.class).single();
	}

	/**
	 * Lets every following statement of the current transaction reuse its generic plan:
	 * for a statement whose plan does not depend on its values but which {@code auto}
	 * keeps planning anew (a filing's one statement of many CTEs, bench/sql/README.md
	 * "Filing: other modules' rows in the bug's statement").
	 */
	public static void genericForTransaction(JdbcClient jdbc) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Generic plans need a transaction");
		}
		jdbc.sql("select set_config('plan_cache_mode', 'force_generic_plan', true)").query(String.class).single();
	}

}
