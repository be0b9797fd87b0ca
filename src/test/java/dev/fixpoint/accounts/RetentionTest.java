package dev.fixpoint.accounts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job prunes audit entries, expired tokens, spent links and expired
 * sessions past their periods, keeps what is younger, and runs on one node at a time.
 */
class RetentionTest extends IntegrationTest {

	@Autowired
	Retention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void prunesWhatIsPastItsPeriodAndKeepsTheRest() {
		TestUser ann = this.api.newUser("Ann");
		Instant now = this.clock.instant();
		Retention.Periods periods = this.retention.periods();
		UUID oldEntry = audit(ann, now.minus(periods.audit()).minus(Duration.ofDays(1)));
		UUID youngEntry = audit(ann, now.minus(periods.audit()).plus(Duration.ofDays(1)));
		UUID oldToken = token(ann, now.minus(periods.expiredTokens()).minus(Duration.ofHours(1)));
		UUID recentlyExpired = token(ann, now.minus(Duration.ofHours(1)));
		UUID oldLink = link(ann, now.minus(periods.links()).minus(Duration.ofHours(1)));
		UUID liveLink = link(ann, now.plus(Duration.ofHours(1)));
		this.jdbc
			.sql("""
					insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval,
					    expiry_time, principal_name)
					values (:id, :id, 0, 0, 60, :expiry, :user)
					""")
			.param("id", UUID.randomUUID().toString())
			.param("expiry", now.minus(periods.sessions()).minus(Duration.ofHours(1)).toEpochMilli())
			.param("user", ann.id().toString())
			.update();

		Retention.Pruned pruned = this.retention.prune();

		assertThat(pruned.ran()).isTrue();
		assertThat(pruned.auditEntries()).isGreaterThanOrEqualTo(1);
		assertThat(pruned.tokens()).isGreaterThanOrEqualTo(1);
		assertThat(pruned.links()).isGreaterThanOrEqualTo(1);
		assertThat(pruned.sessions()).isGreaterThanOrEqualTo(1);
		assertThat(exists("audit_events", oldEntry)).isFalse();
		assertThat(exists("audit_events", youngEntry)).isTrue();
		assertThat(exists("api_tokens", oldToken)).isFalse();
		assertThat(exists("api_tokens", recentlyExpired)).as("expired, but within its period").isTrue();
		assertThat(exists("account_links", oldLink)).isFalse();
		assertThat(exists("account_links", liveLink)).isTrue();
		assertThat(this.api.get("/api/me", ann.token()).status()).as("a live token stays").isEqualTo(200);
	}

	@Test
	void oneNodeAtATime() {
		Retention.Pruned whileLocked = this.transactions.execute(status -> {
			// another node's round holds the lock until its transaction ends
			this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('retention', 19))::text").query().singleRow();
			TransactionTemplate another = new TransactionTemplate(this.transactions.getTransactionManager());
			another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			return another.execute(inner -> this.retention.prune());
		});
		assertThat(whileLocked.ran()).isFalse();
		assertThat(this.retention.prune().ran()).isTrue();
	}

	private UUID audit(TestUser user, Instant at) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into audit_events (id, actor_id, action, created_at) values (:id, :u, 'test.old', :at)")
			.param("id", id)
			.param("u", user.id())
			.param("at", Timestamp.from(at))
			.update();
		return id;
	}

	private UUID token(TestUser user, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into api_tokens (id, user_id, name, kind, token_hash, token_prefix, expires_at)
				values (:id, :u, 'old', 'personal', :hash, 'fxp_old', :at)
				""")
			.param("id", id)
			.param("u", user.id())
			.param("hash", id.toString().getBytes())
			.param("at", Timestamp.from(expiresAt))
			.update();
		return id;
	}

	private UUID link(TestUser user, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into account_links (id, purpose, token_hash, user_id, email, created_at, expires_at)
				values (:id, 'password_reset', :hash, :u, :email, :at, :at)
				""")
			.param("id", id)
			.param("hash", id.toString().getBytes())
			.param("u", user.id())
			.param("email", user.email())
			.param("at", Timestamp.from(expiresAt))
			.update();
		return id;
	}

	private boolean exists(String table, UUID id) {
		return this.jdbc.sql("select exists (select 1 from " + table + " where id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

}
