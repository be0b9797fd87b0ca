package dev.fixpoint.platform.outbox;

import java.time.Clock;

import dev.fixpoint.platform.QueueGauges;

import org.springframework.stereotype.Component;

/**
 * {@code fixpoint.outbox.depth} (deliveries, event and consumer, not done yet) and
 * {@code fixpoint.outbox.oldest.age} (seconds since the oldest of them was published): a
 * growing age means a consumer keeps failing or no node delivers.
 */
@Component
class OutboxMetrics extends QueueGauges {

	OutboxMetrics(OutboxRepository rows, Clock clock) {
		super("fixpoint.outbox", "Outbox deliveries (event and consumer)", rows::backlog, clock);
	}

}
