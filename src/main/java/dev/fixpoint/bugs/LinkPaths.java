package dev.fixpoint.bugs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Paths along directed links (blocks, parent of): whether a new link {@code from → to}
 * closes a cycle, which it does exactly when {@code to} already reaches {@code from}.
 * Pure: the edges are what the repository read from {@code to} onwards.
 */
final class LinkPaths {

	/** A stored directed link, source to target. */
	record Edge(UUID source, UUID target) {
	}

	private LinkPaths() {
	}

	/**
	 * The shortest path from {@code start} to {@code goal} along {@code edges}, both ends
	 * included; empty when {@code goal} cannot be reached.
	 */
	static Optional<List<UUID>> path(UUID start, UUID goal, List<Edge> edges) {
		Map<UUID, List<UUID>> next = new HashMap<>();
		edges.forEach(e -> next.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e.target()));
		Map<UUID, UUID> cameFrom = new HashMap<>();
		cameFrom.put(start, start);
		Deque<UUID> queue = new ArrayDeque<>(List.of(start));
		while (!queue.isEmpty()) {
			UUID at = queue.removeFirst();
			if (at.equals(goal)) {
				return Optional.of(walkBack(start, goal, cameFrom));
			}
			for (UUID n : next.getOrDefault(at, List.of())) {
				if (cameFrom.putIfAbsent(n, at) == null) {
					queue.addLast(n);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The cycle a new link {@code from → to} would close, as the loop from {@code from}
	 * back to itself ({@code from, to, ..., from}); empty when there is none.
	 */
	static Optional<List<UUID>> cycle(UUID from, UUID to, List<Edge> edgesFromTo) {
		if (from.equals(to)) {
			return Optional.of(List.of(from, from));
		}
		return path(to, from, edgesFromTo).map(back -> {
			List<UUID> loop = new ArrayList<>();
			loop.add(from);
			loop.addAll(back);
			return loop;
		});
	}

	private static List<UUID> walkBack(UUID start, UUID goal, Map<UUID, UUID> cameFrom) {
		List<UUID> path = new ArrayList<>();
		UUID at = goal;
		path.add(at);
		while (!at.equals(start)) {
			at = cameFrom.get(at);
			path.add(at);
		}
		Collections.reverse(path);
		return path;
	}

}
