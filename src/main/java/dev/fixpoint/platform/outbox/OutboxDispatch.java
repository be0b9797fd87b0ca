package dev.fixpoint.platform.outbox;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What happens right after a transaction that wrote outbox rows commits
 * ({@link OutboxProperties#afterCommit()}): wake this node's workers, deliver on the
 * committing thread, or nothing (the workers' polling finds the rows). Only the workers
 * of the lanes that got rows wake.
 */
@Component
class OutboxDispatch {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatch.class);

	private final OutboxProperties properties;

	private final ObjectProvider<OutboxWorkers> workers;

	private final Outbox outbox;

	OutboxDispatch(OutboxProperties properties, ObjectProvider<OutboxWorkers> workers, @Lazy Outbox outbox) {
		this.properties = properties;
		this.workers = workers;
		this.outbox = outbox;
	}

	void committed(Set<Outbox.Lane> lanes) {
		switch (this.properties.afterCommit()) {
			case BACKGROUND -> this.workers.ifAvailable(workers -> workers.wake(lanes));
			case CALLER -> deliverHere();
			case NONE -> {
				// the workers' next poll
			}
		}
	}

	private void deliverHere() {
		try {
			this.outbox.deliverDue();
		}
		catch (RuntimeException ex) {
			// the change has committed; its rows wait for the workers
			log.warn("Outbox: delivery after commit failed; the workers will retry", ex);
		}
	}

}
