package dev.fixpoint.attachments;

import java.time.Duration;

/**
 * What an admin page shows: whether uploads are scanned for malware, where files are
 * stored, the limits and the organization's storage use (originals and thumbnails).
 */
public record AttachmentStatus(boolean scanningEnabled, String storageBackend, long maxFileSize, long quotaBytes,
		long usedBytes, long attachmentCount, Duration urlLifetime) {
}
