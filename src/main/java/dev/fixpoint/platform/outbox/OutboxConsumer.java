package dev.fixpoint.platform.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.util.Assert;

/**
 * A consumer of events after commit, declared as a bean:
 *
 * <pre>
 * &#64;Bean
 * OutboxConsumer notifications(Notifier notifier) {
 *     return OutboxConsumer.named("notifications")
 *         .orderedPerAggregate()
 *         .on(BugCreated.class, BugCreated::bugId, notifier::on)
 *         .build();
 * }
 * </pre>
 *
 * Every event of a subscribed type published inside a transaction becomes one outbox row
 * for this consumer in that transaction. After commit the consumer's handler gets it,
 * inside a transaction that also removes the row: what the handler writes to the database
 * commits exactly once. A handler that throws gets the event again later (backoff); one
 * that reaches outside the database must pass {@link OutboxDelivery#eventId()} on as its
 * idempotency key, since a crash after its call and before the commit delivers again. The
 * name is stored in the rows: renaming a consumer strands its pending rows.
 */
public final class OutboxConsumer {

	private final String name;

	private final boolean ordered;

	private final boolean callsOut;

	private final boolean slow;

	private final Supplier<Optional<UUID>> batch;

	private final Map<Class<?>, Subscription<?>> subscriptions;

	private OutboxConsumer(Builder builder) {
		this.name = builder.name;
		this.ordered = builder.ordered;
		this.callsOut = builder.callsOut;
		this.slow = builder.slow;
		this.batch = builder.batch;
		this.subscriptions = Map.copyOf(builder.subscriptions);
	}

	public static Builder named(String name) {
		return new Builder(name);
	}

	public String name() {
		return this.name;
	}

	boolean ordered() {
		return this.ordered;
	}

	Outbox.Lane lane() {
		if (this.slow) {
			return Outbox.Lane.SLOW;
		}
		return this.callsOut ? Outbox.Lane.NETWORK : Outbox.Lane.DATABASE;
	}

	UUID currentBatch() {
		return this.batch.get().orElse(null);
	}

	Map<Class<?>, Subscription<?>> subscriptions() {
		return this.subscriptions;
	}

	/** One event type: its aggregate, when it is worth a row, and the handler. */
	record Subscription<E>(Class<E> type, Function<? super E, UUID> aggregate, Predicate<? super E> when,
			Consumer<OutboxDelivery<E>> handler) {

		boolean wants(Object event) {
			return this.when.test(this.type.cast(event));
		}

		UUID aggregateOf(Object event) {
			return this.aggregate.apply(this.type.cast(event));
		}

		@SuppressWarnings("unchecked")
		void deliver(OutboxDelivery<?> delivery) {
			this.handler.accept((OutboxDelivery<E>) delivery);
		}

	}

	public static final class Builder {

		private final String name;

		private boolean ordered;

		private boolean callsOut;

		private boolean slow;

		private Supplier<Optional<UUID>> batch = Optional::empty;

		private final Map<Class<?>, Subscription<?>> subscriptions = new LinkedHashMap<>();

		private Builder(String name) {
			Assert.hasText(name, "a consumer needs a name");
			this.name = name;
		}

		/**
		 * Events of one aggregate reach this consumer one at a time, in the order they
		 * were written: a failing one holds back the later ones of its aggregate (only).
		 */
		public Builder orderedPerAggregate() {
			this.ordered = true;
			return this;
		}

		/**
		 * The handler calls another system over the network (an HTTP request that may
		 * take seconds when the other end is slow or away): its events are delivered by
		 * this node's own pool of network workers
		 * ({@code fixpoint.outbox.network-workers}), one event per transaction, so a
		 * stuck receiver holds neither the database-only consumers' events
		 * (notifications) nor a batch of other rows.
		 */
		public Builder callsOut() {
			this.callsOut = true;
			return this;
		}

		/**
		 * The handler does heavy work on this node's CPU (e.g. running a model over a
		 * text, tens of milliseconds an event): its events are delivered by this node's
		 * own slow worker ({@code fixpoint.outbox.slow-workers}, 1: never more than one
		 * core), a few events per transaction ({@code fixpoint.outbox.slow-batch-size}),
		 * so they never delay the database-only consumers' events (notifications) however
		 * many there are.
		 */
		public Builder slow() {
			this.slow = true;
			return this;
		}

		/**
		 * Captures, when an event is published, the batch of changes it belongs to (e.g.
		 * the bulk change the publishing thread is applying), for
		 * {@link OutboxDelivery#batchId()}.
		 */
		public Builder batchedBy(Supplier<Optional<UUID>> batch) {
			this.batch = batch;
			return this;
		}

		public <E> Builder on(Class<E> type, Function<? super E, UUID> aggregate, Consumer<OutboxDelivery<E>> handler) {
			return on(type, aggregate, event -> true, handler);
		}

		/**
		 * Subscribes to {@code type}; only events that pass {@code when} (checked at
		 * publication, inside the transaction) are written.
		 */
		public <E> Builder on(Class<E> type, Function<? super E, UUID> aggregate, Predicate<? super E> when,
				Consumer<OutboxDelivery<E>> handler) {
			Assert.isTrue(type.isRecord(), () -> "outbox events are records: " + type.getName());
			this.subscriptions.put(type, new Subscription<>(type, aggregate, when, handler));
			return this;
		}

		public OutboxConsumer build() {
			Assert.notEmpty(this.subscriptions, "a consumer subscribes to at least one event type");
			return new OutboxConsumer(this);
		}

	}

}
