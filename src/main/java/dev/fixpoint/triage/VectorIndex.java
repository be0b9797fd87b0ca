package dev.fixpoint.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The vectors of each project in memory (384 bytes a bug: 38 MB for 100,000 bugs), for an
 * exact nearest-neighbour scan. Loaded on a project's first lookup and refreshed before
 * every lookup with the rows written since (by any node), so a lookup reads only what
 * changed. Exact, not approximate: a scan of 100,000 vectors is a few tens of
 * milliseconds on one core (bench/README.md, "Triage"), so an HNSW graph would add memory
 * and code for nothing yet.
 */
@Component
class VectorIndex {

	private final VectorRepository vectors;

	private final Map<UUID, ProjectVectors> projects = new ConcurrentHashMap<>();

	VectorIndex(VectorRepository vectors) {
		this.vectors = vectors;
	}

	/** A bug and its cosine to the query. */
	record Hit(UUID bugId, float score) {
	}

	/** The {@code limit} nearest bugs of the project to {@code query}, nearest first. */
	List<Hit> nearest(UUID projectId, byte[] query, int limit) {
		ProjectVectors project = this.projects.computeIfAbsent(projectId, id -> new ProjectVectors());
		synchronized (project) {
			refresh(projectId, project);
			return project.nearest(query, limit);
		}
	}

	private void refresh(UUID projectId, ProjectVectors project) {
		for (VectorRepository.StoredVector row : this.vectors.since(projectId, project.seq)) {
			project.put(row.bugId(), row.vector());
			project.seq = Math.max(project.seq, row.seq());
		}
	}

	/** How many vectors are in memory, all projects. */
	long size() {
		return this.projects.values().stream().mapToLong(p -> p.size).sum();
	}

	/** One project's vectors, one after the other in a growing array. */
	private static final class ProjectVectors {

		private static final int D = SentenceEncoder.DIMENSIONS;

		private final Map<UUID, Integer> slots = new HashMap<>();

		private final List<UUID> ids = new ArrayList<>();

		private byte[] data = new byte[D * 64];

		private int size;

		private long seq;

		void put(UUID bugId, byte[] vector) {
			Integer slot = this.slots.get(bugId);
			if (vector == null) {
				if (slot != null) {
					// text no longer embeddable: a zero vector never ranks
					java.util.Arrays.fill(this.data, slot * D, slot * D + D, (byte) 0);
				}
				return;
			}
			if (slot == null) {
				slot = this.size++;
				this.slots.put(bugId, slot);
				this.ids.add(bugId);
				if (this.size * D > this.data.length) {
					this.data = java.util.Arrays.copyOf(this.data, this.data.length * 2);
				}
			}
			System.arraycopy(vector, 0, this.data, slot * D, D);
		}

		List<Hit> nearest(byte[] query, int limit) {
			java.util.PriorityQueue<Hit> best = new java.util.PriorityQueue<>(limit + 1,
					java.util.Comparator.comparingDouble(Hit::score));
			for (int i = 0; i < this.size; i++) {
				float score = Vectors.cosine(query, this.data, i * D);
				if (best.size() < limit || score > best.peek().score()) {
					best.add(new Hit(this.ids.get(i), score));
					if (best.size() > limit) {
						best.poll();
					}
				}
			}
			List<Hit> out = new ArrayList<>(best);
			out.sort(java.util.Comparator.comparingDouble(Hit::score).reversed());
			return out;
		}

	}

}
