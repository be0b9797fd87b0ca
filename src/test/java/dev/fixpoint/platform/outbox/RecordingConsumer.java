package dev.fixpoint.platform.outbox;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	/**
	 * The delivering transaction's {@code synchronous_commit}, by ping label and call
	 * label.
	 */
	static final ConcurrentHashMap<String, String> SYNCHRONOUS_COMMIT = new ConcurrentHashMap<>();

	@Bean
	OutboxConsumer recordingConsumer(JdbcClient jdbc) {
		return OutboxConsumer.named("outbox-test").orderedPerAggregate().on(Ping.class, Ping::aggregate, delivery -> {
			int attempt = ATTEMPTS.merge(delivery.eventId(), 1, Integer::sum);
			if (attempt <= delivery.event().failures()) {
				throw new IllegalStateException("failing on purpose, attempt " + attempt);
			}
			SYNCHRONOUS_COMMIT.put(delivery.event().label(), synchronousCommit(jdbc));
			DELIVERED.add(delivery);
		}).build();
	}

	private static String synchronousCommit(JdbcClient jdbc) {
		return jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single();
	}

	/** A test fact for a consumer that is not ordered (database lane). */
	public record Tick(UUID aggregate, String label) {
	}

	/**
	 * Ticks delivered, by label, the thread that delivered each, and the delivering
	 * transaction's id by label.
	 */
	static final List<String> TICKED = new CopyOnWriteArrayList<>();

	static final List<String> TICK_THREADS = new CopyOnWriteArrayList<>();

	static final ConcurrentHashMap<String, Long> TICK_TRANSACTIONS = new ConcurrentHashMap<>();

	@Bean
	OutboxConsumer recordingUnorderedConsumer(JdbcClient jdbc) {
		return OutboxConsumer.named("outbox-test-unordered").on(Tick.class, Tick::aggregate, delivery -> {
			TICK_THREADS.add(Thread.currentThread().getName());
			TICK_TRANSACTIONS.put(delivery.event().label(),
					jdbc.sql("select txid_current()").query(Long.class).single());
			TICKED.add(delivery.event().label());
		}).build();
	}

	/** A test fact for a consumer in the slow lane. */
	public record Chore(UUID aggregate, String label) {
	}

	/** Chores delivered, by label. */
	static final List<String> CHORES = new CopyOnWriteArrayList<>();

	@Bean
	OutboxConsumer recordingSlowConsumer() {
		return OutboxConsumer.named("outbox-test-slow")
			.slow()
			.on(Chore.class, Chore::aggregate, delivery -> CHORES.add(delivery.event().label()))
			.build();
	}

	/** A test call to another system: its consumer is in the network lane. */
	public record Call(UUID aggregate, String label) {
	}

	/** Calls delivered, by label. */
	static final List<String> CALLED = new CopyOnWriteArrayList<>();

	/** Counted down when a network worker is inside a call. */
	static volatile CountDownLatch inCall = new CountDownLatch(1);

	/** What a call waits for on a network worker: a receiver that does not answer yet. */
	static volatile CountDownLatch answer = new CountDownLatch(0);

	/**
	 * Calls out (network lane). Only a network worker may deliver a call: on any other
	 * thread (the committing one) it fails, so the row waits for the workers.
	 */
	@Bean
	OutboxConsumer recordingNetworkConsumer(JdbcClient jdbc) {
		return OutboxConsumer.named("outbox-test-network").callsOut().on(Call.class, Call::aggregate, delivery -> {
			if (!Thread.currentThread().getName().startsWith("outbox-network-")) {
				throw new IllegalStateException("calls go out on network workers only");
			}
			inCall.countDown();
			try {
				answer.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			SYNCHRONOUS_COMMIT.put(delivery.event().label(), synchronousCommit(jdbc));
			CALLED.add(delivery.event().label());
		}).build();
	}

	static List<String> deliveredFor(UUID aggregate) {
		return DELIVERED.stream()
			.filter(d -> d.event().aggregate().equals(aggregate))
			.map(d -> d.event().label())
			.toList();
	}

}
