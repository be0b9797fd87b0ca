package dev.fixpoint.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slow lane's pacing with a made-up machine: CPU load and thread CPU time are given,
 * the rests are recorded instead of slept.
 */
class SlowLanePacingTest {

	private final AtomicLong cpu = new AtomicLong();

	private final List<Duration> rests = new ArrayList<>();

	private double load;

	private SlowLanePacing pacing(int rest) {
		return new SlowLanePacing(rest, () -> this.load, this.cpu::get, this.rests::add);
	}

	@Test
	void onABusyMachineEachDeliveryIsFollowedByARestInProportionToItsCpuTime() {
		SlowLanePacing pacing = pacing(3);
		this.load = 0.95;
		pacing.start();
		this.cpu.addAndGet(Duration.ofMillis(10).toNanos());
		assertThat(pacing.afterDelivery()).isEqualTo(Duration.ofMillis(30));
		this.cpu.addAndGet(Duration.ofMillis(4).toNanos());
		assertThat(pacing.afterDelivery()).as("counted from the end of the last rest").isEqualTo(Duration.ofMillis(12));
		assertThat(this.rests).containsExactly(Duration.ofMillis(30), Duration.ofMillis(12));
	}

	@Test
	void anIdleMachineGetsEveryDeliveryAtOnce() {
		SlowLanePacing pacing = pacing(3);
		this.load = 0.40;
		pacing.start();
		this.cpu.addAndGet(Duration.ofMillis(10).toNanos());
		assertThat(pacing.afterDelivery()).isZero();
		assertThat(this.rests).isEmpty();
	}

	@Test
	void aRestNeverExceedsASecondAndZeroMeansNoPacing() {
		SlowLanePacing pacing = pacing(3);
		this.load = 1.0;
		pacing.start();
		this.cpu.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(pacing.afterDelivery()).isEqualTo(SlowLanePacing.LONGEST_REST);

		SlowLanePacing off = pacing(0);
		off.start();
		this.cpu.addAndGet(Duration.ofMillis(10).toNanos());
		assertThat(off.afterDelivery()).isZero();
		assertThat(this.rests).containsExactly(SlowLanePacing.LONGEST_REST);
	}

}
