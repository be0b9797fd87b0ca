package dev.fixpoint.attachments;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a page shows an attachment: decided by the sniffed type, never by the file name.
 */
public enum PreviewKind {

	IMAGE, VIDEO, AUDIO, TEXT, PDF, DOWNLOAD;

	private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");

	private static final Set<String> VIDEOS = Set.of("video/mp4", "video/webm", "video/ogg", "video/quicktime");

	private static final Set<String> TEXTS = Set.of("text/plain", "text/x-log", "text/csv", "application/json",
			"text/x-java-properties", "application/x-yaml", "text/x-yaml");

	@JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Images other than SVG (which can run scripts) are previewed; everything executable
	 * is a download.
	 */
	public static PreviewKind of(String mimeType) {
		if (IMAGES.contains(mimeType)) {
			return IMAGE;
		}
		if (VIDEOS.contains(mimeType)) {
			return VIDEO;
		}
		if (mimeType.startsWith("audio/")) {
			return AUDIO;
		}
		if (mimeType.equals("application/pdf")) {
			return PDF;
		}
		if (TEXTS.contains(mimeType) || (mimeType.startsWith("text/") && !active(mimeType))) {
			return TEXT;
		}
		return DOWNLOAD;
	}

	private static boolean active(String mimeType) {
		return mimeType.contains("html") || mimeType.contains("xml") || mimeType.contains("javascript")
				|| mimeType.equals("text/css");
	}

	/**
	 * Served with {@code Content-Disposition: inline}; anything else is
	 * {@code attachment}.
	 */
	public boolean inline() {
		return this != DOWNLOAD;
	}

}
