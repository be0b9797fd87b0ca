package dev.fixpoint.attachments;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.UnavailableException;

/**
 * The attachment store cannot be written or reached right now (a read-only or missing
 * directory, S3 answering 5xx or {@code SlowDown}, or not answering): nothing was stored.
 */
public class StorageUnavailableException extends UnavailableException {

	public static final URI TYPE = URI.create(Problems.BASE + "attachment-storage-unavailable");

	/**
	 * Long enough for a throttling store or a restarted one; short enough to retry by
	 * hand.
	 */
	static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private static final Kind KIND = new Kind(TYPE, "Attachment storage unavailable");

	StorageUnavailableException() {
		super(KIND,
				"The attachment storage cannot be written right now, so the file was not stored. "
						+ "Try again in a minute; if it keeps failing, tell your administrator.",
				RETRY_AFTER, Map.of("reason", "storage-unavailable"));
	}

}
