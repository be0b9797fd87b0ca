package dev.fixpoint.attachments;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read and stops with {@link TooLarge} at the first byte past the limit.
 */
final class LimitedInput extends FilterInputStream {

	/**
	 * An IOException so it passes through storage code unchanged; turned into a 413 by
	 * the pipeline.
	 */
	static final class TooLarge extends IOException {

		TooLarge() {
			super("Upload exceeds the size limit", null);
		}

	}

	private final long limit;

	private long count;

	LimitedInput(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			add(1);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0) {
			add(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		throw new IOException("skip is not supported");
	}

	private void add(int n) throws IOException {
		this.count += n;
		if (this.count > this.limit) {
			throw new TooLarge();
		}
	}

	long count() {
		return this.count;
	}

	static boolean causedBy(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof TooLarge) {
				return true;
			}
		}
		return false;
	}

}
