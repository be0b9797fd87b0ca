package dev.fixpoint.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approximate search (sign bits, then the exact dot product for the nearest of them)
 * against the exact scan, on a synthetic set shaped like sentence vectors: clusters of
 * reports around topics, all sharing one large common direction.
 */
class ProjectVectorsTest {

	private static final int D = SentenceEncoder.DIMENSIONS;

	private final Random random = new Random(42);

	private final float[] common = gaussian(1.0);

	@Test
	void theApproximateSearchFindsTheExactNearestOfAClusteredSet() {
		List<float[]> topics = topics(300);
		ProjectVectors project = new ProjectVectors();
		project.apply(rows(30_000, topics));

		double recall = 0;
		int queries = 100;
		for (int q = 0; q < queries; q++) {
			byte[] query = around(topics.get(this.random.nextInt(topics.size())));
			recall += overlap(project.exact(query, 10), project.approximate(query, 10, ProjectVectors.RERANK)) / 10.0;
		}
		assertThat(recall / queries).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void aSmallProjectIsScannedExactly() {
		List<float[]> topics = topics(20);
		ProjectVectors project = new ProjectVectors();
		project.apply(rows(ProjectVectors.APPROXIMATE_FROM - 1, topics));
		byte[] query = around(topics.get(0));

		assertThat(project.nearest(query, 31)).isEqualTo(project.exact(query, 31));
		assertThat(project.approximate(query, 31, 1)).isEqualTo(project.exact(query, 31));
	}

	@Test
	void aVectorRewrittenInPlaceIsFoundByItsNewValue() {
		List<float[]> topics = topics(300);
		ProjectVectors project = new ProjectVectors();
		List<VectorRepository.StoredVector> rows = rows(25_000, topics);
		project.apply(rows);
		byte[] query = around(topics.get(7));
		UUID moved = rows.get(123).bugId();

		project.apply(List.of(new VectorRepository.StoredVector(moved, query, 1_000_000)));

		VectorIndex.Hit first = project.nearest(query, 31).get(0);
		assertThat(first.bugId()).isEqualTo(moved);
		assertThat(first.score()).isGreaterThan(0.99f);
	}

	/** How many of the exact hits the approximate search found (ties count as found). */
	private static int overlap(List<VectorIndex.Hit> exact, List<VectorIndex.Hit> approximate) {
		float kth = exact.get(exact.size() - 1).score();
		return (int) approximate.stream().filter(hit -> hit.score() >= kth).count();
	}

	private List<VectorRepository.StoredVector> rows(int n, List<float[]> topics) {
		List<VectorRepository.StoredVector> rows = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			rows.add(new VectorRepository.StoredVector(new UUID(this.random.nextLong(), i),
					around(topics.get(this.random.nextInt(topics.size()))), i + 1));
		}
		return rows;
	}

	private List<float[]> topics(int n) {
		List<float[]> topics = new ArrayList<>();
		for (int t = 0; t < n; t++) {
			topics.add(gaussian(0.8));
		}
		return topics;
	}

	/**
	 * A report about {@code topic}: the common direction, the topic and its own noise.
	 */
	private byte[] around(float[] topic) {
		float[] noise = gaussian(0.6);
		float[] v = new float[D];
		for (int d = 0; d < D; d++) {
			v[d] = this.common[d] + topic[d] + noise[d];
		}
		return Vectors.quantized(Vectors.normalized(v));
	}

	private float[] gaussian(double length) {
		float[] v = new float[D];
		for (int d = 0; d < D; d++) {
			v[d] = (float) (this.random.nextGaussian() * length / Math.sqrt(D));
		}
		return v;
	}

}
