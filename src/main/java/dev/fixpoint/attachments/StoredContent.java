package dev.fixpoint.attachments;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes behind a valid signed URL: opened lazily (and again for each range request),
 * never held in memory.
 */
public record StoredContent(String filename, String mimeType, long size, PreviewKind preview, Opener opener) {

	@FunctionalInterface
	public interface Opener {

		InputStream open() throws IOException;

	}

	public InputStream open() throws IOException {
		return this.opener.open();
	}

}
