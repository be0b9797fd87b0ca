package dev.fixpoint.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One project's vectors in memory ({@link VectorIndex}), one after the other in a growing
 * array, with their bugs' ids as two longs each and an open-addressing table from id to
 * slot, and, from {@link #APPROXIMATE_FROM} vectors on, one sign bit per dimension of
 * each vector (384 bits, six longs). Written by one refreshing thread at a time while
 * others look up: a lookup sees the arrays of one moment ({@link Snapshot}), and a vector
 * rewritten in place meanwhile at worst ranks with its old or new value.
 * <p>
 * Small projects are scanned exactly. Larger ones are searched in two steps: an estimate
 * of each vector's dot product with the query from its sign bits (the query in 16 levels
 * against them: 30 popcounts instead of 384 multiply-adds, {@link Estimate}), then the
 * exact dot product for the best {@link #RERANK} (or a fortieth of the project) by that
 * estimate. The signs are taken around the project's mean vector (fixed when the bits are
 * first made, made again each time the project doubles): sentence vectors share a large
 * common direction, and signs around zero would mostly tell that direction. Recall
 * against the exact scan, CPU and heap, measured on real vectors: bench/README.md,
 * "Triage" (bench/triage/ann.sh).
 */
final class ProjectVectors {

	private static final int D = SentenceEncoder.DIMENSIONS;

	/** Longs of sign bits per vector. */
	private static final int WORDS = D / Long.SIZE;

	/** From this many vectors on a lookup is approximate; below, an exact scan. */
	static final int APPROXIMATE_FROM = 20_000;

	/**
	 * How many vectors nearest by sign bits the exact dot product ranks at least; a
	 * fortieth of the project when that is more (100,000 vectors: 2,500).
	 */
	static final int RERANK = 1_000;

	final ReentrantLock refreshing = new ReentrantLock();

	volatile boolean loaded;

	volatile long refreshedAt;

	volatile long usedAt;

	long seq;

	private volatile Snapshot snapshot = new Snapshot(new byte[0], new long[0], null, null, 0);

	/** The project's size when the bits' center was taken: taken again at twice that. */
	private int centeredAt;

	/** slot + 1 of each id, by its hash; 0: free. */
	private int[] table = new int[16];

	/** Stores the rows (a null vector: the text is no longer embeddable). */
	void apply(List<VectorRepository.StoredVector> rows) {
		Snapshot s = this.snapshot;
		byte[] data = s.data;
		long[] ids = s.ids;
		long[] bits = s.bits;
		int size = s.size;
		int needed = size;
		for (VectorRepository.StoredVector row : rows) {
			if (row.vector() != null && slotOf(row.bugId(), ids) < 0) {
				needed++; // at most: a bug may come twice
			}
		}
		if (needed > ids.length / 2) {
			int capacity = needed + needed / 8; // a little room: a copy per 1/8 more bugs
			ids = Arrays.copyOf(ids, capacity * 2);
			data = Arrays.copyOf(data, capacity * D);
			bits = bits == null ? null : Arrays.copyOf(bits, capacity * WORDS);
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
				// a zero vector never ranks
				Arrays.fill(data, slot * D, slot * D + D, (byte) 0);
			}
			else {
				System.arraycopy(row.vector(), 0, data, slot * D, D);
			}
			if (bits != null) {
				signs(data, slot, s.center, bits);
			}
		}
		this.snapshot = size >= APPROXIMATE_FROM && (bits == null || size >= 2 * this.centeredAt)
				? centered(data, ids, size) : new Snapshot(data, ids, bits, s.center, size);
	}

	/** The arrays with sign bits taken anew around the mean of all vectors. */
	private Snapshot centered(byte[] data, long[] ids, int size) {
		long[] sum = new long[D];
		for (int i = 0; i < size; i++) {
			for (int d = 0; d < D; d++) {
				sum[d] += data[i * D + d];
			}
		}
		byte[] center = new byte[D];
		for (int d = 0; d < D; d++) {
			center[d] = (byte) Math.round((double) sum[d] / size);
		}
		long[] bits = new long[ids.length / 2 * WORDS];
		for (int slot = 0; slot < size; slot++) {
			signs(data, slot, center, bits);
		}
		this.centeredAt = size;
		return new Snapshot(data, ids, bits, center, size);
	}

	/**
	 * Writes the sign bits of the vector at {@code slot}: 1 where it is above the center.
	 */
	private static void signs(byte[] data, int slot, byte[] center, long[] bits) {
		signs(data, slot * D, center, bits, slot * WORDS);
	}

	private static void signs(byte[] vector, int offset, byte[] center, long[] bits, int at) {
		for (int w = 0; w < WORDS; w++) {
			long word = 0;
			for (int b = 0; b < Long.SIZE; b++) {
				int d = w * Long.SIZE + b;
				if (vector[offset + d] > center[d]) {
					word |= 1L << b;
				}
			}
			bits[at + w] = word;
		}
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
		return s.data.length + s.ids.length * 8L + (s.bits == null ? 0 : s.bits.length * 8L) + this.table.length * 4L;
	}

	/** The {@code limit} nearest bugs to {@code query}, nearest first. */
	List<VectorIndex.Hit> nearest(byte[] query, int limit) {
		Snapshot s = this.snapshot;
		int rerank = rerank(s.size);
		return s.bits == null || limit * 4 > rerank ? exact(s, query, limit) : approximate(s, query, limit, rerank);
	}

	/** How many vectors of a project of {@code size} the exact dot product ranks. */
	static int rerank(int size) {
		return Math.max(RERANK, size / 40);
	}

	/** The {@code limit} nearest of an exact scan of every vector. */
	List<VectorIndex.Hit> exact(byte[] query, int limit) {
		return exact(this.snapshot, query, limit);
	}

	/**
	 * The {@code limit} nearest among the {@code rerank} nearest by sign bits (an exact
	 * scan while there are no sign bits).
	 */
	List<VectorIndex.Hit> approximate(byte[] query, int limit, int rerank) {
		Snapshot s = this.snapshot;
		return s.bits == null ? exact(s, query, limit) : approximate(s, query, limit, rerank);
	}

	private static List<VectorIndex.Hit> exact(Snapshot s, byte[] query, int limit) {
		TopK top = new TopK(Math.min(limit, s.size));
		for (int i = 0; i < s.size && top.k > 0; i++) {
			top.offer(Vectors.dot(query, s.data, i * D), i);
		}
		return top.hits(s);
	}

	/**
	 * Two passes over the sign bits, allocating nothing per vector. Each vector's
	 * estimate is the query's dot product with its signs (the query around the center in
	 * 16 levels, as four bit planes: 30 popcounts a vector; signs against signs, a
	 * Hamming distance, needed twice the rerank for the same recall on the evaluation
	 * set's queries). The first pass counts the vectors at each estimate, which gives the
	 * estimate above which the {@code rerank} best lie; the second ranks exactly those
	 * (the ones at that boundary estimate only while room is left).
	 */
	private static List<VectorIndex.Hit> approximate(Snapshot s, byte[] query, int limit, int rerank) {
		Estimate estimate = new Estimate(query, s.center);
		long[] bits = s.bits;
		int[] atDistance = new int[Estimate.RANGE + 1];
		for (int i = 0; i < s.size; i++) {
			atDistance[estimate.distance(bits, i * WORDS)]++;
		}
		int within = 0;
		int taken = 0;
		while (within < Estimate.RANGE && taken + atDistance[within] < rerank) {
			taken += atDistance[within++];
		}
		int boundaryRoom = rerank - taken;
		TopK top = new TopK(Math.min(limit, s.size));
		for (int i = 0; i < s.size; i++) {
			int distance = estimate.distance(bits, i * WORDS);
			if (distance < within || distance == within && boundaryRoom-- > 0) {
				top.offer(Vectors.dot(query, s.data, i * D), i);
			}
		}
		return top.hits(s);
	}

	/**
	 * The query around the center, {@code q}, in 16 levels {@code l = (q - low) / step}
	 * held as four bit planes. For a vector with signs {@code b} (1: above the center),
	 * {@code sum(q where b) = step * sum(l where b) + low * popcount(b)} estimates half
	 * its dot product with {@code q} (up to a constant of the query): the larger the
	 * nearer.
	 */
	private static final class Estimate {

		/**
		 * Estimates are in level units, {@code -15 * D .. 15 * D}: distances 0..RANGE.
		 */
		static final int RANGE = 30 * D;

		private static final int FIXED = 16;

		private final long[][] planes = new long[4][WORDS];

		/** {@code low / step} in 16ths. */
		private final int lowFixed;

		Estimate(byte[] query, byte[] center) {
			int low = Integer.MAX_VALUE;
			int high = Integer.MIN_VALUE;
			int[] q = new int[D];
			for (int d = 0; d < D; d++) {
				q[d] = query[d] - center[d];
				low = Math.min(low, q[d]);
				high = Math.max(high, q[d]);
			}
			double step = Math.max(1, high - low) / 15.0;
			for (int d = 0; d < D; d++) {
				int level = (int) Math.round((q[d] - low) / step);
				for (int p = 0; p < 4; p++) {
					if ((level >> p & 1) != 0) {
						this.planes[p][d / Long.SIZE] |= 1L << (d % Long.SIZE);
					}
				}
			}
			this.lowFixed = (int) Math.round(low / step * FIXED);
		}

		/** 0 for the best possible vector, {@link #RANGE} for the worst. */
		int distance(long[] bits, int at) {
			int levels = 0;
			int ones = 0;
			long[] p0 = this.planes[0];
			long[] p1 = this.planes[1];
			long[] p2 = this.planes[2];
			long[] p3 = this.planes[3];
			for (int w = 0; w < WORDS; w++) {
				long x = bits[at + w];
				ones += Long.bitCount(x);
				levels += Long.bitCount(p0[w] & x) + (Long.bitCount(p1[w] & x) << 1) + (Long.bitCount(p2[w] & x) << 2)
						+ (Long.bitCount(p3[w] & x) << 3);
			}
			int estimate = (levels * FIXED + this.lowFixed * ones) / FIXED;
			return Math.clamp(RANGE / 2 - estimate, 0, RANGE);
		}

	}

	/**
	 * The best {@code k} so far in a min-heap of two int arrays (score, slot): a vector
	 * that does not beat the worst of them costs one comparison; the hits (and their ids)
	 * are made for the winners only.
	 */
	private static final class TopK {

		final int k;

		private final int[] scores;

		private final int[] slots;

		private int count;

		TopK(int k) {
			this.k = Math.max(0, k);
			this.scores = new int[this.k];
			this.slots = new int[this.k];
		}

		void offer(int score, int slot) {
			if (this.count < this.k) {
				siftUp(this.count++, score, slot);
			}
			else if (score > this.scores[0]) {
				siftDown(score, slot);
			}
		}

		List<VectorIndex.Hit> hits(Snapshot s) {
			List<VectorIndex.Hit> out = new ArrayList<>(this.count);
			for (int h = 0; h < this.count; h++) {
				int slot = this.slots[h];
				out.add(new VectorIndex.Hit(new UUID(s.ids[slot * 2], s.ids[slot * 2 + 1]),
						Vectors.toCosine(this.scores[h])));
			}
			out.sort(Comparator.comparingDouble(VectorIndex.Hit::score).reversed());
			return out;
		}

		/** Adds (score, slot) at the end of the heap of {@code at} entries. */
		private void siftUp(int at, int score, int slot) {
			int i = at;
			while (i > 0) {
				int parent = (i - 1) >>> 1;
				if (this.scores[parent] <= score) {
					break;
				}
				this.scores[i] = this.scores[parent];
				this.slots[i] = this.slots[parent];
				i = parent;
			}
			this.scores[i] = score;
			this.slots[i] = slot;
		}

		/** Replaces the smallest entry of the full heap with (score, slot). */
		private void siftDown(int score, int slot) {
			int i = 0;
			while (true) {
				int child = 2 * i + 1;
				if (child >= this.k) {
					break;
				}
				if (child + 1 < this.k && this.scores[child + 1] < this.scores[child]) {
					child++;
				}
				if (this.scores[child] >= score) {
					break;
				}
				this.scores[i] = this.scores[child];
				this.slots[i] = this.slots[child];
				i = child;
			}
			this.scores[i] = score;
			this.slots[i] = slot;
		}

	}

	/**
	 * The arrays as one refresh left them; {@code size} vectors in use; {@code bits} and
	 * {@code center} null below {@link #APPROXIMATE_FROM} vectors.
	 */
	private record Snapshot(byte[] data, long[] ids, long[] bits, byte[] center, int size) {
	}

}
