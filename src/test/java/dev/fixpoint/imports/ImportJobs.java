package dev.fixpoint.imports;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContext;

/**
 * For tests outside the imports module: runs the queued import jobs on the test's thread
 * (the import thread is off in tests) and records the waits of API sources instead of
 * sleeping.
 */
public final class ImportJobs {

	private final ImportRunner runner;

	private final RemoteSources remote;

	public ImportJobs(ApplicationContext context) {
		this.runner = context.getBean(ImportRunner.class);
		this.remote = context.getBean(RemoteSources.class);
	}

	/** Runs every queued job to its end. */
	public void runAll() {
		while (this.runner.runNext()) {
			// the next job
		}
	}

	/**
	 * From now on API sources wait at most {@code maxWait} each time, and only in the
	 * returned list; {@link #sleepAgain()} undoes it.
	 */
	public List<Duration> recordWaits(Duration maxWait) {
		List<Duration> waits = new CopyOnWriteArrayList<>();
		this.remote.waitWith(waits::add, maxWait);
		return waits;
	}

	public void sleepAgain() {
		this.remote.waitAsConfigured();
	}

}
