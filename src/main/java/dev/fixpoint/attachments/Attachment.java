package dev.fixpoint.attachments;

import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;

/**
 * An attachment as the API and pages show it. {@code downloadUrl} and
 * {@code thumbnailUrl} are signed, expiring, server-relative URLs that work without a
 * session or token (e.g. from {@code <img src>}); {@code thumbnailUrl} is null when there
 * is no thumbnail. {@code annotationOf} names the original of an annotated copy.
 */
public record Attachment(UUID id, UUID bugId, UUID commentId, UUID annotationOf, String filename, long fileSize,
		String mimeType, PreviewKind preview, Integer width, Integer height, boolean hasThumbnail,
		UserSummary uploadedBy, Instant createdAt, String downloadUrl, String thumbnailUrl) {
}
