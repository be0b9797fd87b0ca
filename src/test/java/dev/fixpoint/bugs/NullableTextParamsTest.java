package dev.fixpoint.bugs;

import java.sql.Connection;
import javax.sql.DataSource;

import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text parameter that is null in one filing and set in the next (steps to reproduce,
 * the SLA state) keeps the driver's server-side statement: sent untyped, a null is typed
 * {@code text} by the server and the next value ({@code varchar}) makes the driver parse
 * and plan the statement again, on every alternation (bench/sql/README.md: the filing
 * statement's "re-planning" was the driver re-parsing it).
 */
class NullableTextParamsTest extends IntegrationTest {

	private static final int EXECUTIONS = 12;

	@Autowired
	DataSource dataSource;

	@Test
	void aTextAlternatingNullAndValueIsParsedOnce() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			JdbcClient one = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			for (int i = 0; i < EXECUTIONS; i++) {
				one.sql("select :s as s /* nullable-text-marker */")
					.param("s", BugRowMapper.text(i % 2 == 0 ? null : "value"))
					.query(String.class)
					.optional();
			}
			// the driver names the statement after its first few executions; from then on
			// one server-side statement serves every execution
			Long executions = one.sql("""
					select max(generic_plans + custom_plans) from pg_prepared_statements
					where statement like '%nullable-text-marker%' and statement not like '%pg_prepared_statements%'
					""").query(Long.class).single();
			assertThat(executions).isGreaterThanOrEqualTo(EXECUTIONS / 2);
		}
	}

}
