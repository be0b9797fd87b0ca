package dev.fixpoint.platform.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/** The consumers declared as beans, looked up by event type and by stored name. */
@Component
class OutboxConsumers {

	/** A consumer's subscription to one event type. */
	record Target(OutboxConsumer consumer, OutboxConsumer.Subscription<?> subscription) {
	}

	private final Map<Class<?>, List<Target>> byType = new HashMap<>();

	private final Map<String, Class<?>> typesByName = new HashMap<>();

	private final Map<String, OutboxConsumer> byName = new HashMap<>();

	OutboxConsumers(List<OutboxConsumer> consumers) {
		Set<String> names = new HashSet<>();
		for (OutboxConsumer consumer : consumers) {
			if (!names.add(consumer.name())) {
				throw new IllegalStateException("Two outbox consumers named " + consumer.name());
			}
			this.byName.put(consumer.name(), consumer);
			consumer.subscriptions().forEach((type, subscription) -> {
				this.byType.computeIfAbsent(type, t -> new ArrayList<>()).add(new Target(consumer, subscription));
				this.typesByName.put(type.getName(), type);
			});
		}
	}

	/** The names of the consumers delivered by {@code lane}'s workers. */
	List<String> names(Outbox.Lane lane) {
		return this.byName.values().stream().filter(c -> c.lane() == lane).map(OutboxConsumer::name).sorted().toList();
	}

	/** Who subscribed to events of exactly this class (none for most events). */
	List<Target> of(Class<?> eventType) {
		return this.byType.getOrDefault(eventType, List.of());
	}

	Optional<Target> find(String consumer, String eventType) {
		return Optional.ofNullable(this.byName.get(consumer))
			.flatMap(c -> Optional.ofNullable(this.typesByName.get(eventType))
				.map(type -> new Target(c, c.subscriptions().get(type))))
			.filter(t -> t.subscription() != null);
	}

}
