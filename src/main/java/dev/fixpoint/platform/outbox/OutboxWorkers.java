package dev.fixpoint.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's delivery threads. Each sleeps until a commit on this node wakes it or the
 * poll interval passes, then delivers everything due (its own node's rows, other nodes'
 * leftovers, retries, a crashed node's rows). Off with
 * {@code fixpoint.scheduled-jobs=false} like the other jobs (backup and restore
 * commands).
 */
@Component
@ConditionalOnBooleanProperty(name = "fixpoint.scheduled-jobs", matchIfMissing = true)
class OutboxWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorkers.class);

	private final Outbox outbox;

	private final OutboxProperties properties;

	private final Semaphore wake = new Semaphore(0);

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	OutboxWorkers(Outbox outbox, OutboxProperties properties) {
		this.outbox = outbox;
		this.properties = properties;
	}

	void wake() {
		if (this.wake.availablePermits() < this.properties.workers()) {
			this.wake.release();
		}
	}

	@Override
	public synchronized void start() {
		this.running = true;
		for (int i = 0; i < this.properties.workers(); i++) {
			Thread thread = Thread.ofPlatform().name("outbox-" + i).daemon().start(this::work);
			this.threads.add(thread);
		}
	}

	private void work() {
		long poll = this.properties.pollInterval().toMillis();
		while (this.running) {
			try {
				this.wake.tryAcquire(poll, TimeUnit.MILLISECONDS);
				this.wake.drainPermits();
				if (this.running) {
					this.outbox.deliverDue();
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
		this.wake.release(this.threads.size());
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
