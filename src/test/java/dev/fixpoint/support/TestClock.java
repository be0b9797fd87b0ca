package dev.fixpoint.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

/**
 * The application's {@link Clock} in tests: the real time plus an offset a test can move
 * forward ({@link #advance}), so time-based rules (SLA clocks) are tested without
 * waiting. {@link IntegrationTest} resets it after every test.
 */
@TestComponent
@Primary
public class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	private volatile Instant frozen;

	public void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	/**
	 * Stops time where it is now: only {@link #advance} moves it (until {@link #reset}),
	 * for tests whose outcome must not depend on how long the machine takes between two
	 * steps (a 1 s retry backoff on a busy machine).
	 */
	public void freeze() {
		this.frozen = Instant.now();
	}

	public void reset() {
		this.frozen = null;
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		Instant frozenAt = this.frozen;
		return (frozenAt != null ? frozenAt : Instant.now()).plus(this.offset).truncatedTo(ChronoUnit.MICROS);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

}
