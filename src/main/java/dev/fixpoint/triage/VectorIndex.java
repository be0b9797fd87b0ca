package dev.fixpoint.triage;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The vectors of each project in memory ({@link ProjectVectors}: some 520 bytes a bug, 52
 * MB for 100,000 bugs), for a nearest-neighbour search: an exact scan below
 * {@link ProjectVectors#APPROXIMATE_FROM} vectors, a sign-bit prefilter and an exact
 * rerank above. Loaded on a project's first lookup, then refreshed with the rows written
 * since (by any node) at most once per {@code fixpoint.triage.index-refresh}, by one
 * lookup while the others search what is there: lookups never wait for each other. A
 * project not looked up for {@code fixpoint.triage.index-idle} is dropped, and so are the
 * least recently used ones when all together would take more than
 * {@code fixpoint.triage.index-heap-share} of the heap (the project being looked up
 * always stays).
 */
@Component
class VectorIndex {

	private static final Logger log = LoggerFactory.getLogger(VectorIndex.class);

	/** Rows read per query: a first load of 100,000 bugs holds 4 MB of rows at a time. */
	static final int PAGE = 10_000;

	private final VectorRepository vectors;

	private final Map<UUID, ProjectVectors> projects = new ConcurrentHashMap<>();

	private final long refreshNanos;

	private final long idleNanos;

	private final long maxBytes;

	private final LongSupplier clock;

	@Autowired
	VectorIndex(VectorRepository vectors, TriageProperties properties) {
		this(vectors, properties.indexRefresh(), properties.indexIdle(),
				(long) (Runtime.getRuntime().maxMemory() * properties.indexHeapShare()), System::nanoTime);
	}

	VectorIndex(VectorRepository vectors, Duration refresh, Duration idle, long maxBytes, LongSupplier clock) {
		this.vectors = vectors;
		this.refreshNanos = refresh.toNanos();
		this.idleNanos = idle.toNanos();
		this.maxBytes = maxBytes;
		this.clock = clock;
	}

	/** A bug and its cosine to the query. */
	record Hit(UUID bugId, float score) {
	}

	/** The {@code limit} nearest bugs of the project to {@code query}, nearest first. */
	List<Hit> nearest(UUID projectId, byte[] query, int limit) {
		long now = this.clock.getAsLong();
		ProjectVectors project = this.projects.computeIfAbsent(projectId, id -> new ProjectVectors());
		project.usedAt = now;
		refresh(projectId, project, now);
		List<Hit> hits = project.nearest(query, limit);
		evict(projectId, now);
		return hits;
	}

	/**
	 * Reads the rows written since the last refresh, when one is due: the first load
	 * waits for it; later, while another lookup refreshes, this one scans what is there.
	 */
	private void refresh(UUID projectId, ProjectVectors project, long now) {
		boolean loaded = project.loaded;
		if (loaded && now - project.refreshedAt < this.refreshNanos) {
			return;
		}
		ReentrantLock refreshing = project.refreshing;
		if (loaded ? !refreshing.tryLock() : lock(refreshing)) {
			return;
		}
		try {
			if (project.loaded && now - project.refreshedAt < this.refreshNanos) {
				return; // another lookup refreshed it meanwhile
			}
			// rows a little below the last seen: writers still in flight when it was read
			long after = project.seq - VectorRepository.SEQ_OVERLAP;
			List<VectorRepository.StoredVector> rows;
			do {
				rows = this.vectors.since(projectId, after, PAGE);
				project.apply(rows);
				after = rows.isEmpty() ? after : rows.get(rows.size() - 1).seq();
			}
			while (rows.size() == PAGE);
			project.refreshedAt = this.clock.getAsLong();
			project.loaded = true;
		}
		finally {
			refreshing.unlock();
		}
	}

	/** Takes the lock, waiting for it; false (never "skip"): the caller goes on. */
	private static boolean lock(ReentrantLock lock) {
		lock.lock();
		return false;
	}

	/** Drops idle projects, then the least recently used ones while over the budget. */
	private void evict(UUID current, long now) {
		this.projects.entrySet()
			.removeIf(e -> !e.getKey().equals(current) && now - e.getValue().usedAt > this.idleNanos);
		long bytes = bytes();
		while (bytes > this.maxBytes) {
			var oldest = this.projects.entrySet()
				.stream()
				.filter(e -> !e.getKey().equals(current))
				.min(Comparator.comparingLong(e -> e.getValue().usedAt));
			if (oldest.isEmpty()) {
				return;
			}
			this.projects.remove(oldest.get().getKey());
			log.info("Triage index: project {} dropped from memory ({} MB of vectors, over the budget of {} MB)",
					oldest.get().getKey(), oldest.get().getValue().bytes() >> 20, this.maxBytes >> 20);
			bytes = bytes();
		}
	}

	/** How many vectors are in memory, all projects. */
	long size() {
		return this.projects.values().stream().mapToLong(ProjectVectors::size).sum();
	}

	/** About how many bytes of heap the vectors in memory take, all projects. */
	long bytes() {
		return this.projects.values().stream().mapToLong(ProjectVectors::bytes).sum();
	}

	/** Which projects are in memory. */
	java.util.Set<UUID> projects() {
		return java.util.Set.copyOf(this.projects.keySet());
	}

}
