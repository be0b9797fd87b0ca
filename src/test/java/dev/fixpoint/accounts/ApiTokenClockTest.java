package dev.fixpoint.accounts;

import java.time.Duration;
import java.time.Instant;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token's expiry and its last use are both the application's clock: the lookup,
 * the remembered owner and the recorded use agree when the clock moves.
 */
class ApiTokenClockTest extends IntegrationTest {

	/** Sign-in tokens live 30 days ({@code fixpoint.api-token-lifetime}). */
	private static final Duration PAST_LIFETIME = Duration.ofDays(30).plusMinutes(1);

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenFirstUsedAfterItsExpiryByTheClockIsRefused() {
		TestUser user = this.api.newUser("Expiring");
		this.clock.advance(PAST_LIFETIME);

		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(401);
	}

	@Test
	void aRememberedTokenExpiresWhenTheClockPassesItsExpiry() {
		TestUser user = this.api.newUser("Remembered");
		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(200);

		this.clock.advance(PAST_LIFETIME);
		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(401);

		this.clock.reset();
		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(200);
	}

	@Test
	void aTokensUseIsRecordedAtTheClocksTime() {
		TestUser user = this.api.newUser("Used");
		this.clock.freeze();
		this.clock.advance(Duration.ofDays(3));
		Instant now = this.clock.instant();

		assertThat(this.api.get("/api/me", user.token()).status()).isEqualTo(200);

		assertThat(this.jdbc.sql("select last_used_at from api_tokens where user_id = :user")
			.param("user", user.id())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single()).isEqualTo(now);
	}

}
