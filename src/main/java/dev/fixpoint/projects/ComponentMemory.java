package dev.fixpoint.projects;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.fixpoint.platform.NoticeChannel;
import dev.fixpoint.platform.RememberedValues;

import org.springframework.stereotype.Component;

/**
 * Each project's components, from memory: a bug's view names its component, a filing
 * looks up its owner. Forgotten whole when any component changes: on every node when the
 * notice of V48's trigger on {@code components} arrives, on this node also at once and
 * when the changing transaction ends, and at the latest after {@link #FRESH}.
 */
@Component
class ComponentMemory implements NoticeChannel {

	static final String CHANNEL = "component_changes";

	static final Duration FRESH = Duration.ofSeconds(30);

	private final RememberedValues<UUID, List<ProjectComponent>> components = new RememberedValues<>(FRESH, 10_000);

	List<ProjectComponent> of(UUID projectId, Function<UUID, List<ProjectComponent>> lookup) {
		return this.components.get(projectId, id -> Optional.of(lookup.apply(id))).orElseThrow();
	}

	/** A component changes in the caller's transaction. */
	void forget() {
		this.components.forget();
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public void received(String payload) {
		this.components.forgetNow();
	}

	@Override
	public void resync() {
		this.components.forgetNow();
	}

}
