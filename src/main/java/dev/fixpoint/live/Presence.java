package dev.fixpoint.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Component;

/**
 * Who views which bug, on every node: the latest announcement of each node per bug
 * ({@link LiveSignals#viewing}), forgotten {@link #EXPIRY} after it was heard unless the
 * node's heartbeat renews it.
 */
@Component
class Presence {

	/** Three missed heartbeats ({@link LiveStreams#HEARTBEAT}). */
	static final Duration EXPIRY = Duration.ofSeconds(30);

	private record Heard(Set<UUID> users, Instant at) {
	}

	/** bug → node → its viewers of the bug. */
	private final Map<UUID, Map<String, Heard>> bugs = new ConcurrentHashMap<>();

	private final Clock clock;

	Presence(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A node announced who views the bug through it.
	 * @return whether the bug's viewers (on all nodes together) changed
	 */
	boolean seen(String node, UUID bugId, Set<UUID> users) {
		Set<UUID> before = viewers(bugId);
		if (users.isEmpty()) {
			this.bugs.computeIfPresent(bugId, (id, nodes) -> {
				nodes.remove(node);
				return nodes.isEmpty() ? null : nodes;
			});
		}
		else {
			this.bugs.computeIfAbsent(bugId, id -> new ConcurrentHashMap<>())
				.put(node, new Heard(Set.copyOf(users), Times.now(this.clock)));
		}
		return !viewers(bugId).equals(before);
	}

	/** Everyone viewing the bug, on any node. */
	Set<UUID> viewers(UUID bugId) {
		Map<String, Heard> nodes = this.bugs.get(bugId);
		Set<UUID> users = new HashSet<>();
		if (nodes != null) {
			nodes.values().forEach(heard -> users.addAll(heard.users()));
		}
		return users;
	}

	/**
	 * Forgets the announcements of nodes that stopped beating (gone, or cut off).
	 * @return the bugs whose viewers changed
	 */
	Set<UUID> expire() {
		Instant oldest = Times.now(this.clock).minus(EXPIRY);
		Set<UUID> changed = new HashSet<>();
		for (UUID bugId : Set.copyOf(this.bugs.keySet())) {
			Set<UUID> before = viewers(bugId);
			this.bugs.computeIfPresent(bugId, (id, nodes) -> {
				nodes.values().removeIf(heard -> heard.at().isBefore(oldest));
				return nodes.isEmpty() ? null : nodes;
			});
			if (!viewers(bugId).equals(before)) {
				changed.add(bugId);
			}
		}
		return changed;
	}

}
