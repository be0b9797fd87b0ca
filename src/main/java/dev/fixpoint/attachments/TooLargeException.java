package dev.fixpoint.attachments;

import java.util.Map;

import dev.fixpoint.platform.LimitExceededException;

import org.springframework.util.unit.DataSize;

/**
 * A file over the size limit, or one the organization's storage quota has no room for.
 */
public class TooLargeException extends LimitExceededException {

	private TooLargeException(String reason, String detail, long limit) {
		super(detail, Map.of("reason", reason, "limit_bytes", limit));
	}

	public static TooLargeException file(long maxBytes) {
		return new TooLargeException("file-too-large",
				"Files may be at most " + human(maxBytes) + "; nothing was stored", maxBytes);
	}

	public static TooLargeException quota(long quotaBytes, long usedBytes) {
		return new TooLargeException("quota-exceeded", "Your organization's attachment storage is full ("
				+ human(usedBytes) + " of " + human(quotaBytes) + " used); delete attachments or ask for more space",
				quotaBytes);
	}

	static String human(long bytes) {
		if (bytes >= DataSize.ofGigabytes(1).toBytes()) {
			return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) DataSize.ofGigabytes(1).toBytes());
		}
		if (bytes >= DataSize.ofMegabytes(1).toBytes()) {
			return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) DataSize.ofMegabytes(1).toBytes());
		}
		if (bytes >= 1024) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

}
