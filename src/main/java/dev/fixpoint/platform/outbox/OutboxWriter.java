package dev.fixpoint.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the outbox rows of every published event some consumer subscribed to, inside the
 * publishing transaction (one statement per event, a row per consumer), and once that
 * transaction commits tells {@link OutboxDispatch}. An event published outside a
 * transaction is written at once and dispatched right away.
 */
@Component
class OutboxWriter {

	private final OutboxConsumers consumers;

	private final OutboxRepository rows;

	private final OutboxDispatch dispatch;

	private final JsonMapper json;

	private final Clock clock;

	OutboxWriter(OutboxConsumers consumers, OutboxRepository rows, OutboxDispatch dispatch, JsonMapper json,
			Clock clock) {
		this.consumers = consumers;
		this.rows = rows;
		this.dispatch = dispatch;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	void on(Object event) {
		List<OutboxConsumers.Target> targets = this.consumers.of(event.getClass());
		if (targets.isEmpty()) {
			return;
		}
		UUID eventId = Ids.newId();
		Instant now = Times.now(this.clock);
		List<OutboxRepository.NewRow> toWrite = new ArrayList<>(targets.size());
		String payload = null;
		for (OutboxConsumers.Target target : targets) {
			if (!target.subscription().wants(event)) {
				continue;
			}
			payload = payload != null ? payload : this.json.writeValueAsString(event);
			OutboxConsumer consumer = target.consumer();
			toWrite.add(new OutboxRepository.NewRow(eventId, consumer.name(), event.getClass().getName(), payload,
					target.subscription().aggregateOf(event), consumer.ordered(), consumer.currentBatch(), now));
		}
		if (toWrite.isEmpty()) {
			return;
		}
		this.rows.insert(toWrite);
		dispatchAfterCommit();
	}

	private void dispatchAfterCommit() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			this.dispatch.committed();
			return;
		}
		boolean registered = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.anyMatch(DispatchOnCommit.class::isInstance);
		if (!registered) {
			TransactionSynchronizationManager.registerSynchronization(new DispatchOnCommit(this.dispatch));
		}
	}

	/** One per transaction that wrote rows (synchronizations are per transaction). */
	private record DispatchOnCommit(OutboxDispatch dispatch) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			this.dispatch.committed();
		}

	}

}
