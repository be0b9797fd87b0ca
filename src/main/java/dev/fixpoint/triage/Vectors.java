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

	/** Cosine of {@code a} and the vector at {@code offset} of {@code data}. */
	static float cosine(byte[] a, byte[] data, int offset) {
		int dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * data[offset + i];
		}
		return dot / (SCALE * SCALE);
	}

}
