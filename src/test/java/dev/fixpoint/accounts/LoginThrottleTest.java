package dev.fixpoint.accounts;

import dev.fixpoint.platform.RateLimitedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-address limit on its own (the integration tests raise it: the whole run signs
 * in from localhost, see application-test.yml): failures for many accounts from one
 * address stop that address, not another one.
 */
class LoginThrottleTest {

	@Test
	void failuresForManyAccountsFromOneAddressStopThatAddress() {
		LoginThrottle throttle = new LoginThrottle(LoginThrottle.PER_IP);
		for (int i = 0; i < LoginThrottle.PER_IP; i++) {
			String email = "guess-" + i + "@example.com";
			throttle.checkAllowed(email, "198.51.100.7");
			throttle.failed(email, "198.51.100.7");
		}

		assertThatThrownBy(() -> throttle.checkAllowed("someone-else@example.com", "198.51.100.7"))
			.isInstanceOf(RateLimitedException.class);
		assertThatCode(() -> throttle.checkAllowed("someone-else@example.com", "198.51.100.8"))
			.doesNotThrowAnyException();
	}

	@Test
	void theAddressLimitIsASetting() {
		LoginThrottle throttle = new LoginThrottle(2);
		throttle.failed("a@example.com", "203.0.113.5");
		throttle.failed("b@example.com", "203.0.113.5");

		assertThatThrownBy(() -> throttle.checkAllowed("c@example.com", "203.0.113.5"))
			.isInstanceOf(RateLimitedException.class);
	}

}
