package dev.fixpoint.attachments;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** 413: a file over the size limit, or one the organization's storage quota has no room for. */
public class TooLargeException extends DomainException {

	public static final URI TYPE = URI.create(Problems.BASE + "payload-too-large");

	private TooLargeException(String reason, String detail, long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, TYPE, "Too large", detail, List.of(),
				Map.of("reason", reason, "limit_bytes", limit));
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
