package dev.fixpoint.platform.outbox;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * How a slow-lane worker ({@link OutboxConsumer.Builder#slow()}: triage's embeddings, ~10
 * ms of CPU an event) yields to the requests: after each batch of deliveries
 * ({@code fixpoint.outbox.slow-batch-size} events at most), while this machine's CPUs are
 * more than {@link #BUSY} used, it rests {@code rest} times the CPU time that batch took
 * (at most {@link #LONGEST_REST}). Under a burst of filings it then takes at most
 * {@code 1 / (1 + rest)} of one core and its backlog waits in the outbox; when the burst
 * is over it runs flat out again. It never stops: every rest ends and the next event is
 * delivered, however busy the machine. The thread priority the lane also asks for does
 * nothing on Linux (the JVM ignores it there by default), hence this. One per worker
 * thread (the thread CPU time is its own). Other background work that should yield the
 * same way uses it too (triage's embedding backfill).
 */
public final class SlowLanePacing {

	/** Share of all CPUs in use (0..1) above which the machine counts as busy. */
	static final double BUSY = 0.75;

	static final Duration LONGEST_REST = Duration.ofSeconds(1);

	private final int rest;

	private final DoubleSupplier cpuLoad;

	private final LongSupplier threadCpuNanos;

	private final Sleeper sleeper;

	private long mark;

	SlowLanePacing(int rest, DoubleSupplier cpuLoad, LongSupplier threadCpuNanos, Sleeper sleeper) {
		this.rest = rest;
		this.cpuLoad = cpuLoad;
		this.threadCpuNanos = threadCpuNanos;
		this.sleeper = sleeper;
	}

	/**
	 * Pacing by this JVM's view of the machine's CPUs (the container's, in one), for the
	 * calling thread. A virtual thread (the scheduler's, with
	 * {@code spring.threads.virtual.enabled}) has no CPU time of its own (-1): its wall
	 * time counts instead, which is never less, so it rests at least as long.
	 */
	public static SlowLanePacing ofThisMachine(int rest) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		DoubleSupplier load = ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os::getCpuLoad
					: () -> 0;
		LongSupplier spent = Thread.currentThread().isVirtual() ? System::nanoTime : threads::getCurrentThreadCpuTime;
		return new SlowLanePacing(rest, load, spent, Thread::sleep);
	}

	/** Starts counting this thread's CPU time (before a round of deliveries). */
	public void start() {
		this.mark = this.threadCpuNanos.getAsLong();
	}

	/**
	 * After a delivery: rests while the machine is busy, then counts anew.
	 * @return how long it rested
	 */
	public Duration afterDelivery() {
		long now = this.threadCpuNanos.getAsLong();
		long spent = Math.max(0, now - this.mark);
		Duration rested = Duration.ZERO;
		if (this.rest > 0 && this.cpuLoad.getAsDouble() > BUSY) {
			rested = Duration.ofNanos(Math.min(spent * this.rest, LONGEST_REST.toNanos()));
			try {
				this.sleeper.sleep(rested);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.mark = this.threadCpuNanos.getAsLong();
		return rested;
	}

	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

}
