package dev.fixpoint.platform;

import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryPlansTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void customPlansLastForTheTransactionOnly() {
		String inside = this.transactions.execute(tx -> {
			assertThat(mode()).isEqualTo("auto");
			QueryPlans.customForTransaction(this.jdbc);
			return mode();
		});
		assertThat(inside).isEqualTo("force_custom_plan");
		// the pool's connections are back to reusing plans (lookups by id skip planning)
		for (int i = 0; i < 5; i++) {
			String after = this.transactions.execute(tx -> mode());
			assertThat(after).isEqualTo("auto");
		}
	}

	@Test
	void outsideATransactionItRefusesInsteadOfDoingNothing() {
		assertThatThrownBy(() -> QueryPlans.customForTransaction(this.jdbc)).isInstanceOf(IllegalStateException.class);
	}

	private String mode() {
		return this.jdbc.sql("show plan_cache_mode").query(String.class).single();
	}

}
