package dev.fixpoint.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
		Set<Outbox.Lane> lanes = EnumSet.noneOf(Outbox.Lane.class);
		for (OutboxConsumers.Target target : targets) {
			if (!target.subscription().wants(event)) {
				continue;
			}
			payload = payload != null ? payload : this.json.writeValueAsString(event);
			OutboxConsumer consumer = target.consumer();
			lanes.add(consumer.lane());
			toWrite.add(new OutboxRepository.NewRow(eventId, consumer.name(), event.getClass().getName(), payload,
					target.subscription().aggregateOf(event), consumer.ordered(), consumer.currentBatch(), now));
		}
		if (toWrite.isEmpty()) {
			return;
		}
		this.rows.insert(toWrite);
		dispatchAfterCommit(lanes);
	}

	private void dispatchAfterCommit(Set<Outbox.Lane> lanes) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			this.dispatch.committed(lanes);
			return;
		}
		DispatchOnCommit registered = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter(DispatchOnCommit.class::isInstance)
			.map(DispatchOnCommit.class::cast)
			.findFirst()
			.orElse(null);
		if (registered == null) {
			TransactionSynchronizationManager
				.registerSynchronization(new DispatchOnCommit(this.dispatch, EnumSet.copyOf(lanes)));
		}
		else {
			registered.lanes().addAll(lanes);
		}
	}

	/**
	 * One per transaction that wrote rows (synchronizations are per transaction), with
	 * the lanes its rows are for: only their workers wake (a filing has no row for the
	 * network lane, whose claim would find nothing).
	 */
	private record DispatchOnCommit(OutboxDispatch dispatch,
			Set<Outbox.Lane> lanes) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			this.dispatch.committed(this.lanes);
		}

	}

}
