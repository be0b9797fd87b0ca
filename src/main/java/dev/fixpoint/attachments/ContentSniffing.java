package dev.fixpoint.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Component;

/**
 * What a file is by its bytes (the magic detection every upload goes through), for
 * modules that keep a small file of their own, such as an organization's logo: the name
 * and the client's Content-Type are never consulted.
 */
@Component
public class ContentSniffing {

	private final ContentTypes types;

	ContentSniffing(ContentTypes types) {
		this.types = types;
	}

	/**
	 * The media type of {@code content} ({@code application/octet-stream} if unknown).
	 */
	public String typeOf(byte[] content) {
		try {
			return this.types.detect(new ByteArrayInputStream(content));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
