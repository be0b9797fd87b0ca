package dev.fixpoint.platform.outbox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
@Component
@ConditionalOnBooleanProperty(name = "fixpoint.scheduled-jobs", matchIfMissing = true)
class OutboxWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorkers.class);

	private final Outbox outbox;

	private final OutboxProperties properties;

	private final Map<Outbox.Lane, Semaphore> wake = new EnumMap<>(Outbox.Lane.class);

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	OutboxWorkers(Outbox outbox, OutboxProperties properties) {
		this.outbox = outbox;
		this.properties = properties;
	}

	/** Wakes a worker of each of these lanes (the lanes a commit wrote rows for). */
	void wake(Set<Outbox.Lane> lanes) {
		this.wake.forEach((lane, permits) -> {
			if (lanes.contains(lane) && permits.availablePermits() < count(lane)) {
				permits.release();
			}
		});
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
			Semaphore permits = this.wake.computeIfAbsent(lane, l -> new Semaphore(0));
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
					.start(() -> work(lane, permits));
				this.threads.add(thread);
			}
		}
	}

	private void work(Outbox.Lane lane, Semaphore wake) {
		long poll = this.properties.pollInterval().toMillis();
		SlowLanePacing pacing = lane == Outbox.Lane.SLOW ? SlowLanePacing.ofThisMachine(this.properties.slowRest())
				: null;
		while (this.running) {
			try {
				wake.tryAcquire(poll, TimeUnit.MILLISECONDS);
				if (!this.running) {
					// each stopping worker takes one of stop()'s permits: draining them
					// here
					// left the lane's other workers asleep for a poll interval each, and
					// the
					// JVM's exit waited for them
					return;
				}
				wake.drainPermits();
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

	@Override
	public synchronized void stop() {
		this.running = false;
		this.wake.values().forEach(permits -> permits.release(this.threads.size()));
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
