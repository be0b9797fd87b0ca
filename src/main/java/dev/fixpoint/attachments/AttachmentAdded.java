package dev.fixpoint.attachments;

import java.util.UUID;

/**
 * A file was attached to a bug ({@code commentId}: to one of its comments, which may be
 * an internal note). Published in the transaction that writes the attachment's row, after
 * its bytes are stored; webhooks hand it on through the outbox after commit.
 */
public record AttachmentAdded(UUID attachmentId, UUID bugId, UUID projectId, UUID commentId, UUID uploaderId,
		String filename, String contentType, long size) {
}
