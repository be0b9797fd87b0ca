package dev.fixpoint.attachments.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies content into a store's output, telling apart a failure to read the content (the
 * upload: passed on unchanged, e.g. the size limit) from a failure to write it (the
 * store's).
 */
final class Copy {

	/** Wraps a failure of the content so the caller can rethrow it unchanged. */
	static final class ContentFailure extends IOException {

		ContentFailure(IOException cause) {
			super(cause);
		}

		IOException content() {
			return (IOException) getCause();
		}

	}

	private Copy() {
	}

	static long copy(InputStream content, OutputStream out) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		while (true) {
			int n;
			try {
				n = content.read(buffer);
			}
			catch (IOException ex) {
				throw new ContentFailure(ex);
			}
			if (n < 0) {
				return total;
			}
			out.write(buffer, 0, n);
			total += n;
		}
	}

}
