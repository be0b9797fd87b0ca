package dev.fixpoint.triage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Recall and CPU of the index's approximate search ({@link ProjectVectors}: sign bits, then the exact dot product for
 * the nearest {@code rerank}) against its exact scan, on real vectors (bench/README.md, "Triage"):
 *
 * <pre>
 *   bench/triage/ann.sh recall vectors.bin [queries.bin] [sizes: 20000,50000,100000] [queries: 300]
 * </pre>
 *
 * {@code vectors.bin} as {@link EmbedReports} writes it. The last {@code queries} vectors of the file are held out
 * as queries (reports like the project's: the generator's phrase banks), and, when given, every vector of
 * {@code queries.bin} too (the evaluation set's 305 reports: written by other people about other products). For each
 * project size (the first n vectors of the file) and each rerank: recall@10 and recall@31 (31: what
 * {@code DuplicateFinder} asks for) = the share of the exact scan's k nearest the approximate search returns (a tie
 * with the k-th counts as found), and the CPU time per lookup of the calling thread (ThreadMXBean) for both, after a
 * warm-up round; then the heap the project's vectors take ({@code ProjectVectors.bytes()}).
 */
public class AnnRecall {

	static final int D = SentenceEncoder.DIMENSIONS;

	public static void main(String[] args) throws Exception {
		List<VectorRepository.StoredVector> all = read(Path.of(args[0]));
		List<byte[]> foreign = args.length > 1 && !args[1].equals("-") ? read(Path.of(args[1])).stream()
			.map(VectorRepository.StoredVector::vector)
			.toList() : List.of();
		int held = args.length > 3 ? Integer.parseInt(args[3]) : 300;
		List<byte[]> own = all.subList(all.size() - held, all.size())
			.stream()
			.map(VectorRepository.StoredVector::vector)
			.toList();
		List<VectorRepository.StoredVector> pool = all.subList(0, all.size() - held);
		String sizes = args.length > 2 ? args[2] : "20000,50000,100000";
		System.out.printf("%d vectors in the file, %d held out as queries, %d other queries%n", all.size(), held,
				foreign.size());
		for (String s : sizes.split(",")) {
			int n = Math.min(Integer.parseInt(s), pool.size());
			ProjectVectors project = new ProjectVectors();
			project.apply(pool.subList(0, n));
			System.out.printf("%n%,d vectors: %.1f MB in the index (%.0f bytes a vector)%n", n, project.bytes() / 1e6,
					(double) project.bytes() / n);
			measure("held-out reports", project, own);
			if (!foreign.isEmpty()) {
				measure("evaluation set", project, foreign);
			}
		}
	}

	static void measure(String what, ProjectVectors project, List<byte[]> queries) {
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		for (byte[] q : queries) { // warm-up
			project.exact(q, 31);
			project.approximate(q, 31, ProjectVectors.RERANK);
		}
		long t = mx.getCurrentThreadCpuTime();
		List<List<VectorIndex.Hit>> exact = new ArrayList<>();
		for (byte[] q : queries) {
			exact.add(project.exact(q, 31));
		}
		double exactMs = (mx.getCurrentThreadCpuTime() - t) / 1e6 / queries.size();
		System.out.printf("  %s (%d queries): exact scan %.2f ms CPU a lookup%n", what, queries.size(), exactMs);
		for (int rerank : new int[] { 100, 200, 500, 1000, 2000 }) {
			t = mx.getCurrentThreadCpuTime();
			List<List<VectorIndex.Hit>> approximate = new ArrayList<>();
			for (byte[] q : queries) {
				approximate.add(project.approximate(q, 31, rerank));
			}
			double ms = (mx.getCurrentThreadCpuTime() - t) / 1e6 / queries.size();
			double r10 = 0;
			double r31 = 0;
			for (int i = 0; i < queries.size(); i++) {
				r10 += recall(exact.get(i), approximate.get(i), 10);
				r31 += recall(exact.get(i), approximate.get(i), 31);
			}
			System.out.printf("    rerank %4d%s: recall@10 %.4f, recall@31 %.4f, %.2f ms CPU a lookup%n", rerank,
					rerank == ProjectVectors.RERANK ? " (the product's)" : "", r10 / queries.size(),
					r31 / queries.size(), ms);
		}
	}

	static double recall(List<VectorIndex.Hit> exact, List<VectorIndex.Hit> approximate, int k) {
		float kth = exact.get(Math.min(k, exact.size()) - 1).score();
		long found = approximate.stream().limit(k).filter(h -> h.score() >= kth).count();
		return (double) found / Math.min(k, exact.size());
	}

	static List<VectorRepository.StoredVector> read(Path file) throws Exception {
		byte[] raw = Files.readAllBytes(file);
		int record = 16 + D;
		List<VectorRepository.StoredVector> out = new ArrayList<>(raw.length / record);
		var buffer = java.nio.ByteBuffer.wrap(raw);
		for (int i = 0; i < raw.length / record; i++) {
			UUID id = new UUID(buffer.getLong(), buffer.getLong());
			byte[] v = new byte[D];
			buffer.get(v);
			out.add(new VectorRepository.StoredVector(id, v, i + 1));
		}
		return out;
	}

}
