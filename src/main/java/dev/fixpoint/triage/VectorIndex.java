package dev.fixpoint.triage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The vectors of each project in memory ({@link ProjectVectors}: some 410 bytes a bug, 41
 * MB for 100,000 bugs), for an exact nearest-neighbour scan. Loaded on a project's first
 * lookup, then refreshed with the rows written since (by any node) at most once per
 * {@code fixpoint.triage.index-refresh}, by one lookup while the others scan what is
 * there: lookups never wait for each other. A project not looked up for
 * {@code fixpoint.triage.index-idle} is dropped, and so are the least recently used ones
 * when all together would take more than {@code fixpoint.triage.index-heap-share} of the
 * heap (the project being looked up always stays). Exact, not approximate: a scan of
 * 100,000 vectors is 18-25 ms of one core (bench/README.md, "Triage"), the largest part
 * of a lookup at that size; an approximate index (sign bits then exact, or IVF) waits for
 * its recall against this scan measured on real vectors.
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

	/**
	 * One project's vectors, one after the other in a growing array, with their bugs' ids
	 * as two longs each and an open-addressing table from id to slot: some 410 bytes a
	 * bug, where a {@code HashMap<UUID, Integer>} and a list of ids took 580. Written by
	 * one refreshing thread at a time while others scan: a scan sees the arrays of one
	 * moment ({@link Snapshot}), and a vector rewritten in place meanwhile at worst ranks
	 * with its old or new value.
	 */
	private static final class ProjectVectors {

		private static final int D = SentenceEncoder.DIMENSIONS;

		final ReentrantLock refreshing = new ReentrantLock();

		volatile boolean loaded;

		volatile long refreshedAt;

		volatile long usedAt;

		long seq;

		private volatile Snapshot snapshot = new Snapshot(new byte[0], new long[0], 0);

		/** slot + 1 of each id, by its hash; 0: free. */
		private int[] table = new int[16];

		void apply(List<VectorRepository.StoredVector> rows) {
			Snapshot s = this.snapshot;
			byte[] data = s.data;
			long[] ids = s.ids;
			int size = s.size;
			int needed = size;
			for (VectorRepository.StoredVector row : rows) {
				if (row.vector() != null && slotOf(row.bugId(), ids) < 0) {
					needed++; // at most: a bug may come twice
				}
			}
			if (needed > ids.length / 2) {
				int capacity = needed + needed / 8; // a little room: a copy per 1/8 more
													// bugs
				ids = Arrays.copyOf(ids, capacity * 2);
				data = Arrays.copyOf(data, capacity * D);
			}
			for (VectorRepository.StoredVector row : rows) {
				this.seq = Math.max(this.seq, row.seq());
				int slot = slotOf(row.bugId(), ids);
				if (slot < 0 && row.vector() == null) {
					continue;
				}
				if (slot < 0) {
					slot = size++;
					ids[slot * 2] = row.bugId().getMostSignificantBits();
					ids[slot * 2 + 1] = row.bugId().getLeastSignificantBits();
					if (size * 2 > this.table.length) {
						rehash(ids, size - 1);
					}
					put(ids, slot);
				}
				if (row.vector() == null) {
					// text no longer embeddable: a zero vector never ranks
					Arrays.fill(data, slot * D, slot * D + D, (byte) 0);
				}
				else {
					System.arraycopy(row.vector(), 0, data, slot * D, D);
				}
			}
			this.snapshot = new Snapshot(data, ids, size);
		}

		private int slotOf(UUID id, long[] ids) {
			int mask = this.table.length - 1;
			for (int i = hash(id.getMostSignificantBits(), id.getLeastSignificantBits()) & mask;; i = (i + 1) & mask) {
				int entry = this.table[i];
				if (entry == 0) {
					return -1;
				}
				int slot = entry - 1;
				if (ids[slot * 2] == id.getMostSignificantBits() && ids[slot * 2 + 1] == id.getLeastSignificantBits()) {
					return slot;
				}
			}
		}

		/** A table twice as big, with the first {@code count} slots in it. */
		private void rehash(long[] ids, int count) {
			this.table = new int[this.table.length * 2];
			for (int slot = 0; slot < count; slot++) {
				put(ids, slot);
			}
		}

		private void put(long[] ids, int slot) {
			int mask = this.table.length - 1;
			int i = hash(ids[slot * 2], ids[slot * 2 + 1]) & mask;
			while (this.table[i] != 0) {
				i = (i + 1) & mask;
			}
			this.table[i] = slot + 1;
		}

		private static int hash(long msb, long lsb) {
			long h = msb ^ lsb;
			int x = (int) (h ^ (h >>> 32));
			return x ^ (x >>> 16);
		}

		long size() {
			return this.snapshot.size;
		}

		long bytes() {
			Snapshot s = this.snapshot;
			return s.data.length + s.ids.length * 8L + this.table.length * 4L;
		}

		/**
		 * The {@code limit} best of an exact scan: the dot products in integers, the best
		 * so far in a min-heap of two int arrays (score, slot), a vector that does not
		 * beat the worst of them costs one comparison; the {@link Hit}s (and their ids)
		 * are made for the winners only.
		 */
		List<Hit> nearest(byte[] query, int limit) {
			Snapshot s = this.snapshot;
			int k = Math.min(limit, s.size);
			if (k <= 0) {
				return List.of();
			}
			int[] scores = new int[k];
			int[] slots = new int[k];
			int count = 0;
			byte[] data = s.data;
			for (int i = 0; i < s.size; i++) {
				int dot = Vectors.dot(query, data, i * D);
				if (count < k) {
					siftUp(scores, slots, count++, dot, i);
				}
				else if (dot > scores[0]) {
					siftDown(scores, slots, k, dot, i);
				}
			}
			List<Hit> out = new ArrayList<>(count);
			for (int h = 0; h < count; h++) {
				int slot = slots[h];
				out.add(new Hit(new UUID(s.ids[slot * 2], s.ids[slot * 2 + 1]), Vectors.toCosine(scores[h])));
			}
			out.sort(Comparator.comparingDouble(Hit::score).reversed());
			return out;
		}

		/** Adds (score, slot) at the end of a min-heap of {@code at} entries. */
		private static void siftUp(int[] scores, int[] slots, int at, int score, int slot) {
			int i = at;
			while (i > 0) {
				int parent = (i - 1) >>> 1;
				if (scores[parent] <= score) {
					break;
				}
				scores[i] = scores[parent];
				slots[i] = slots[parent];
				i = parent;
			}
			scores[i] = score;
			slots[i] = slot;
		}

		/**
		 * Replaces the smallest entry of a full min-heap of {@code size} with (score,
		 * slot).
		 */
		private static void siftDown(int[] scores, int[] slots, int size, int score, int slot) {
			int i = 0;
			while (true) {
				int child = 2 * i + 1;
				if (child >= size) {
					break;
				}
				if (child + 1 < size && scores[child + 1] < scores[child]) {
					child++;
				}
				if (scores[child] >= score) {
					break;
				}
				scores[i] = scores[child];
				slots[i] = slots[child];
				i = child;
			}
			scores[i] = score;
			slots[i] = slot;
		}

	}

	/** The arrays as one refresh left them; {@code size} vectors in use. */
	private record Snapshot(byte[] data, long[] ids, int size) {
	}

}
