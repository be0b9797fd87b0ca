package dev.fixpoint.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's delivery threads, a group per {@link Outbox.Lane} ({@code workers} for the
 * consumers that only write to the database, {@code network-workers} for those that call
 * other systems, so a slow receiver never delays a notification, {@code slow-workers} for
 * those that do heavy work on this node's CPU, at a lower thread priority and resting
 * between deliveries while the machine is busy: {@link SlowLanePacing}). Each sleeps
 * until a commit on this node wakes it or the poll interval passes, then delivers
 * everything due in its lane (its own node's rows, other nodes' leftovers, retries, a
 * crashed node's rows). Off with {@code fixpoint.scheduled-jobs=false} like the other
 * jobs (backup and restore commands).
 * <p>
 * Under load the rows of many commits go in one claim ({@code fixpoint.outbox.gather}): a
 * commit wakes one worker of a lane only when none is already woken and still before its
 * claim (that claim will see the commit's rows), and a worker woken within {@code gather}
 * after its lane's last round began waits until {@code gather} after it before claiming.
 * So a busy lane claims about once per {@code gather} (not once per commit, with its two
 * workers racing for the same rows), an idle one at once; a second worker joins when the
 * commits go on while the first is still delivering (a backlog of full batches, or slow
 * handlers).
 */
@Component
@ConditionalOnBooleanProperty(name = "fixpoint.scheduled-jobs", matchIfMissing = true)
class OutboxWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorkers.class);

	private final Outbox outbox;

	private final OutboxProperties properties;

	private final SlowLanePacing.Sleeper sleeper;

	private final Map<Outbox.Lane, LaneState> lanes = new EnumMap<>(Outbox.Lane.class);

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	@Autowired
	OutboxWorkers(Outbox outbox, OutboxProperties properties) {
		this(outbox, properties, Thread::sleep);
	}

	/** With the wait of a gathering worker made by {@code sleeper} (tests). */
	OutboxWorkers(Outbox outbox, OutboxProperties properties, SlowLanePacing.Sleeper sleeper) {
		this.outbox = outbox;
		this.properties = properties;
		this.sleeper = sleeper;
		for (Outbox.Lane lane : Outbox.Lane.values()) {
			this.lanes.put(lane, new LaneState(System.nanoTime() - properties.gather().toNanos()));
		}
	}

	/**
	 * A lane's wake-ups: {@code woken} while a worker has been woken and has not begun
	 * its round yet (its claim will see every row committed until then: no other worker
	 * needs waking), and when the lane's last round began.
	 */
	private static final class LaneState {

		final Semaphore wake = new Semaphore(0);

		final AtomicBoolean woken = new AtomicBoolean();

		volatile long lastRound;

		LaneState(long lastRound) {
			this.lastRound = lastRound;
		}

	}

	/**
	 * Wakes a worker of each of these lanes (the lanes a commit wrote rows for), unless
	 * one is woken already and has not claimed yet.
	 */
	void wake(Set<Outbox.Lane> lanes) {
		for (Outbox.Lane lane : lanes) {
			LaneState state = this.lanes.get(lane);
			if (count(lane) > 0 && state.woken.compareAndSet(false, true)) {
				state.wake.release();
			}
		}
	}

	private int count(Outbox.Lane lane) {
		return switch (lane) {
			case DATABASE -> this.properties.workers();
			case NETWORK -> this.properties.networkWorkers();
			case SLOW -> this.properties.slowWorkers();
		};
	}

	@Override
	public synchronized void start() {
		this.running = true;
		for (Outbox.Lane lane : Outbox.Lane.values()) {
			LaneState state = this.lanes.get(lane);
			String prefix = switch (lane) {
				case DATABASE -> "outbox-";
				case NETWORK -> "outbox-network-";
				case SLOW -> "outbox-slow-";
			};
			for (int i = 0; i < count(lane); i++) {
				Thread thread = Thread.ofPlatform()
					.name(prefix + i)
					.daemon()
					.priority(lane == Outbox.Lane.SLOW ? Thread.MIN_PRIORITY : Thread.NORM_PRIORITY)
					.start(() -> work(lane, state));
				this.threads.add(thread);
			}
		}
	}

	private void work(Outbox.Lane lane, LaneState state) {
		long poll = this.properties.pollInterval().toMillis();
		SlowLanePacing pacing = lane == Outbox.Lane.SLOW ? SlowLanePacing.ofThisMachine(this.properties.slowRest())
				: null;
		while (this.running) {
			try {
				boolean woken = state.wake.tryAcquire(poll, TimeUnit.MILLISECONDS);
				if (!this.running) {
					// each stopping worker takes one of stop()'s permits: draining them
					// here left the lane's other workers asleep for a poll interval each,
					// and the JVM's exit waited for them
					return;
				}
				if (woken) {
					gather(state);
					if (!this.running) {
						return;
					}
				}
				state.wake.drainPermits();
				// from here on a commit wakes a worker again: this round's claim may have
				// begun before it
				state.woken.set(false);
				if (woken) {
					// a poll's round (on an idle lane it finds nothing) makes no lane
					// busy
					state.lastRound = System.nanoTime();
				}
				if (pacing == null) {
					this.outbox.deliverDue(lane);
				}
				else {
					pacing.start();
					this.outbox.deliverDue(lane, pacing::afterDelivery);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// e.g. the database is away: the next poll tries again
				log.warn("Outbox: delivery failed: {}", ex.toString());
			}
		}
	}

	/**
	 * A busy lane (its last round began less than {@code gather} ago) waits until
	 * {@code gather} after that round's start; an idle one goes on at once.
	 */
	private void gather(LaneState state) throws InterruptedException {
		long gather = this.properties.gather().toNanos();
		long since = System.nanoTime() - state.lastRound;
		if (gather > 0 && since < gather) {
			this.sleeper.sleep(Duration.ofNanos(gather - since));
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.lanes.values().forEach(state -> state.wake.release(this.threads.size()));
		for (Thread thread : this.threads) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			thread.interrupt();
		}
		this.threads.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
