package dev.fixpoint.bugs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.fixpoint.platform.ForgettingChannel;
import dev.fixpoint.platform.RememberedValues;

import org.springframework.stereotype.Component;

/**
 * The names of each project's releases that are not archived, from memory: every bug page
 * offers them in its release pickers. Forgotten whole when any release changes
 * ({@link ForgettingChannel}: V67's trigger on {@code releases} notifies
 * {@value #CHANNEL}); {@link ReleaseRepository} forgets at once where this node changes
 * them.
 */
@Component
class ReleaseMemory extends ForgettingChannel {

	static final String CHANNEL = "release_changes";

	static final Duration FRESH = Duration.ofSeconds(30);

	private final RememberedValues<UUID, List<String>> names = remembered(10_000);

	ReleaseMemory() {
		super(CHANNEL, FRESH);
	}

	List<String> names(UUID projectId, Function<UUID, List<String>> lookup) {
		return this.names.get(projectId, id -> Optional.of(List.copyOf(lookup.apply(id)))).orElseThrow();
	}

}
