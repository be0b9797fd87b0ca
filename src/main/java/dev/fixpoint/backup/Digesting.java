package dev.fixpoint.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, length and line count of what streams through, without holding it.
 */
final class Digesting {

	private final MessageDigest sha256;

	private long bytes;

	private long lines;

	Digesting() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void update(byte[] b, int off, int len) {
		this.sha256.update(b, off, len);
		this.bytes += len;
		for (int i = off; i < off + len; i++) {
			if (b[i] == '\n') {
				this.lines++;
			}
		}
	}

	long bytes() {
		return this.bytes;
	}

	/** Rows of a COPY text stream: a row is a line, newlines in values are escaped. */
	long lines() {
		return this.lines;
	}

	String sha256() {
		return HexFormat.of().formatHex(this.sha256.digest());
	}

	/** Writes through to {@code out} but never closes it (it is the archive). */
	OutputStream writingTo(OutputStream out) {
		return new FilterOutputStream(out) {
			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				this.out.write(b, off, len);
				update(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
	}

	InputStream readingFrom(InputStream in) {
		return new FilterInputStream(in) {
			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = this.in.read(b, off, len);
				if (n > 0) {
					update(b, off, n);
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				throw new IOException("not skippable");
			}
		};
	}

}
