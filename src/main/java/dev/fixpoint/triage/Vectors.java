package dev.fixpoint.triage;

/**
 * Unit vectors stored as signed bytes (each component times 127): a quarter of the
 * floats' memory, and a dot product of two such vectors divided by 127² is their cosine
 * to within about 0.01, plenty for ranking.
 */
final class Vectors {

	private static final float SCALE = 127f;

	private Vectors() {
	}

	static float[] normalized(float[] v) {
		double sum = 0;
		for (float x : v) {
			sum += x * x;
		}
		double norm = Math.sqrt(sum);
		float[] out = new float[v.length];
		if (norm == 0) {
			return out;
		}
		for (int i = 0; i < v.length; i++) {
			out[i] = (float) (v[i] / norm);
		}
		return out;
	}

	static byte[] quantized(float[] unit) {
		byte[] out = new byte[unit.length];
		for (int i = 0; i < unit.length; i++) {
			out[i] = (byte) Math.max(-127, Math.min(127, Math.round(unit[i] * SCALE)));
		}
		return out;
	}

	/**
	 * Cosine of {@code a} and the vector at {@code offset} of {@code data}. Four sums
	 * side by side (the dimensions are a multiple of four): the loop of the index's scan,
	 * where one sum waited for the previous addition at every byte.
	 */
	static float cosine(byte[] a, byte[] data, int offset) {
		int s0 = 0;
		int s1 = 0;
		int s2 = 0;
		int s3 = 0;
		int i = 0;
		for (int end = a.length & ~3; i < end; i += 4) {
			s0 += a[i] * data[offset + i];
			s1 += a[i + 1] * data[offset + i + 1];
			s2 += a[i + 2] * data[offset + i + 2];
			s3 += a[i + 3] * data[offset + i + 3];
		}
		for (; i < a.length; i++) {
			s0 += a[i] * data[offset + i];
		}
		return (s0 + s1 + s2 + s3) / (SCALE * SCALE);
	}

}
