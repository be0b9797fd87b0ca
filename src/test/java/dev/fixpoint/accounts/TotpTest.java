package dev.fixpoint.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

	/** RFC 6238 appendix B, SHA-1 seed "12345678901234567890", last 6 digits. */
	@Test
	void matchesTheRfcTestVectors() {
		String seed = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
		assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
	}

	@Test
	void base32RoundTrips() {
		String secret = Totp.newSecret();
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.base32(Totp.unbase32(secret))).isEqualTo(secret);
	}

	@Test
	void acceptsOneStepOfDriftAndNoMore() {
		String secret = Totp.newSecret();
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(secret,
				Totp.code(secret, step + 1).substring(0, 3) + " " + Totp.code(secret, step + 1).substring(3), now))
			.hasValue(step + 1);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now)).isEmpty();
		assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
	}

}
