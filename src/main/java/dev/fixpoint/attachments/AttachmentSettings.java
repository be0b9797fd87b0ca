package dev.fixpoint.attachments;

import java.util.List;

/**
 * A project's attachment rules: {@code allowedTypes} are categories ({@code image},
 * {@code video}, {@code audio}, {@code text}, {@code pdf}, {@code archive}) or exact
 * sniffed types ({@code application/x-msdownload}) or wildcards ({@code image/*});
 * {@code retentionDaysAfterClose} deletes attachments of bugs closed longer ago (null
 * keeps them).
 */
public record AttachmentSettings(List<String> allowedTypes, Integer retentionDaysAfterClose) {

	public static final List<String> DEFAULT_TYPES = List.of("image", "video", "audio", "text", "pdf", "archive");

	public static AttachmentSettings defaults() {
		return new AttachmentSettings(DEFAULT_TYPES, null);
	}

}
