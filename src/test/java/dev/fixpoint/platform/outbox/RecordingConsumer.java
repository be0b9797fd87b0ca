package dev.fixpoint.platform.outbox;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A consumer for the outbox's own tests, in every integration test context (its events
 * are published only by those tests): records what it got, fails on request.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingConsumer {

	/**
	 * A test fact about an aggregate; {@code failures} attempts fail before one works.
	 */
	public record Ping(UUID aggregate, String label, int failures) {
	}

	/** Every delivery that succeeded, in the order they happened. */
	static final List<OutboxDelivery<Ping>> DELIVERED = new CopyOnWriteArrayList<>();

	/** Attempts so far per event id. */
	static final ConcurrentHashMap<UUID, Integer> ATTEMPTS = new ConcurrentHashMap<>();

	@Bean
	OutboxConsumer recordingConsumer() {
		return OutboxConsumer.named("outbox-test").orderedPerAggregate().on(Ping.class, Ping::aggregate, delivery -> {
			int attempt = ATTEMPTS.merge(delivery.eventId(), 1, Integer::sum);
			if (attempt <= delivery.event().failures()) {
				throw new IllegalStateException("failing on purpose, attempt " + attempt);
			}
			DELIVERED.add(delivery);
		}).build();
	}

	static List<String> deliveredFor(UUID aggregate) {
		return DELIVERED.stream()
			.filter(d -> d.event().aggregate().equals(aggregate))
			.map(d -> d.event().label())
			.toList();
	}

}
