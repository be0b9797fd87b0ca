package dev.fixpoint.portal;

/**
 * An organization's logo as served: its bytes, sniffed type and content hash (the ETag).
 */
public record Logo(byte[] content, String type, String hash) {
}
