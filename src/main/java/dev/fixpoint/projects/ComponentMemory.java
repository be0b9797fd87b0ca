package dev.fixpoint.projects;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.fixpoint.platform.ForgettingChannel;
import dev.fixpoint.platform.RememberedValues;

import org.springframework.stereotype.Component;

/**
 * Each project's components, from memory: a bug's view names its component, a filing
 * looks up its owner. Forgotten whole when any component changes
 * ({@link ForgettingChannel}: V48's trigger on {@code components} notifies).
 */
@Component
class ComponentMemory extends ForgettingChannel {

	static final String CHANNEL = "component_changes";

	static final Duration FRESH = Duration.ofSeconds(30);

	private final RememberedValues<UUID, List<ProjectComponent>> components = remembered(10_000);

	ComponentMemory() {
		super(CHANNEL, FRESH);
	}

	List<ProjectComponent> of(UUID projectId, Function<UUID, List<ProjectComponent>> lookup) {
		return this.components.get(projectId, id -> Optional.of(lookup.apply(id))).orElseThrow();
	}

}
