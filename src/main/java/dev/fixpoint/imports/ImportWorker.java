package dev.fixpoint.imports;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The node's import thread: runs queued jobs one after the other, woken by a new job on
 * this node and polling every {@code fixpoint.imports.poll-interval} for the others
 * (another node's upload, a job whose node died). Its own thread, so a long import never
 * holds up the scheduled jobs. Off with {@code fixpoint.imports.worker=false} (tests run
 * jobs themselves) and with the other jobs ({@code fixpoint.scheduled-jobs=false}).
 */
@Component
@ConditionalOnBooleanProperty(name = { "fixpoint.scheduled-jobs", "fixpoint.imports.worker" }, matchIfMissing = true)
class ImportWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

	private final ImportRunner runner;

	private final Duration poll;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private Thread thread;

	ImportWorker(ImportRunner runner, @Value("${fixpoint.imports.poll-interval:PT1S}") Duration poll) {
		this.runner = runner;
		this.poll = poll;
	}

	void wake() {
		if (this.wake.availablePermits() == 0) {
			this.wake.release();
		}
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("imports").daemon().start(this::work);
	}

	private void work() {
		while (this.running) {
			try {
				this.wake.tryAcquire(this.poll.toMillis(), TimeUnit.MILLISECONDS);
				this.wake.drainPermits();
				while (this.running && this.runner.runNext()) {
					// the next job
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Imports: claiming a job failed: {}", ex.toString());
			}
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.wake.release();
		if (this.thread != null) {
			try {
				this.thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
