package dev.fixpoint.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.fixpoint.platform.InvalidInputException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

import org.springframework.stereotype.Component;

/**
 * Decides what a file is from its bytes (Tika's magic detection), checks that its name
 * does not claim something else, and that the project allows it. The client's
 * Content-Type is never consulted.
 */
@Component
class ContentTypes {

	static final Map<String, List<String>> CATEGORIES = Map.of("image",
			List.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/tiff"), "video",
			List.of("video/*"), "audio", List.of("audio/*"), "text",
			List.of("text/plain", "text/x-log", "text/csv", "application/json", "text/x-java-properties",
					"application/x-yaml", "text/x-yaml"),
			"pdf", List.of("application/pdf"), "archive",
			List.of("application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
					"application/x-7z-compressed", "application/x-bzip2", "application/x-xz", "application/zstd"));

	private static final MediaType OCTET_STREAM = MediaType.OCTET_STREAM;

	private final Detector magic;

	private final MediaTypeRegistry registry;

	private final org.apache.tika.mime.MimeTypes mimeTypes;

	ContentTypes() {
		TikaConfig config = TikaConfig.getDefaultConfig();
		this.mimeTypes = config.getMimeRepository();
		this.magic = this.mimeTypes;
		this.registry = config.getMediaTypeRegistry();
	}

	/**
	 * The type of the content, checked against the file name. {@code head} must support
	 * mark/reset; it is reset to where it was.
	 */
	String detect(InputStream head, String filename) throws IOException {
		MediaType content = this.registry.normalize(this.magic.detect(head, new Metadata()));
		MediaType named = byName(filename);
		if (named.equals(OCTET_STREAM) || sameKind(content, named)) {
			return specific(content, named).getBaseType().toString();
		}
		throw new RefusedUploadException("type-mismatch", "The file's name says " + named.getBaseType()
				+ " but its content is " + content.getBaseType() + ": it was not stored");
	}

	/** The type of the content by its bytes alone (no name to check it against). */
	String detect(InputStream head) throws IOException {
		return this.registry.normalize(this.magic.detect(head, new Metadata())).getBaseType().toString();
	}

	private MediaType byName(String filename) {
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
		try {
			return this.registry.normalize(this.mimeTypes.detect(null, metadata));
		}
		catch (IOException ex) {
			return OCTET_STREAM;
		}
	}

	private boolean sameKind(MediaType content, MediaType named) {
		return content.equals(named) || this.registry.isSpecializationOf(named, content)
				|| this.registry.isSpecializationOf(content, named);
	}

	/**
	 * Text files are all {@code text/plain} to magic detection: their name may tell us
	 * more (csv, json, log).
	 */
	private MediaType specific(MediaType content, MediaType named) {
		if (!named.equals(OCTET_STREAM) && this.registry.isSpecializationOf(named, content)
				&& !isActive(named.getBaseType().toString())) {
			return named;
		}
		return content;
	}

	/** Types a browser would run or render as a document: always served as downloads. */
	static boolean isActive(String mimeType) {
		return mimeType.contains("html") || mimeType.contains("xml") || mimeType.contains("svg")
				|| mimeType.contains("javascript") || mimeType.equals("text/css");
	}

	/** Refuses a type the project's allow-list does not name. */
	void requireAllowed(String mimeType, List<String> allowed) {
		if (!allowed(mimeType, allowed) && !(allowed.contains("text") && isPlainText(mimeType))) {
			throw new RefusedUploadException("type-not-allowed", "Files of type " + mimeType
					+ " are not allowed in this project (allowed: " + String.join(", ", allowed) + ")");
		}
	}

	/**
	 * Any flavour of plain text (ini, markdown, yaml, logs...) that a browser would not
	 * run.
	 */
	private boolean isPlainText(String mimeType) {
		MediaType type = MediaType.parse(mimeType);
		return type != null && !isActive(mimeType)
				&& (type.equals(MediaType.TEXT_PLAIN) || this.registry.isSpecializationOf(type, MediaType.TEXT_PLAIN));
	}

	static boolean allowed(String mimeType, List<String> allowed) {
		for (String entry : allowed) {
			for (String pattern : CATEGORIES.getOrDefault(entry, List.of(entry))) {
				if (matches(pattern, mimeType)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean matches(String pattern, String mimeType) {
		if (pattern.endsWith("/*")) {
			return mimeType.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return pattern.equals(mimeType);
	}

	/** Validates and normalizes an allow-list as a project admin writes it. */
	static List<String> validAllowList(List<String> entries) {
		if (entries == null || entries.isEmpty()) {
			throw InvalidInputException.of("allowed_types", "must name at least one category or type");
		}
		List<String> clean = entries.stream()
			.map(e -> e == null ? "" : e.trim().toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
		for (String entry : clean) {
			if (!CATEGORIES.containsKey(entry) && !entry.matches("[a-z0-9.+-]+/([a-z0-9.+-]+|\\*)")) {
				throw InvalidInputException.of("allowed_types",
						"'" + entry + "' is neither one of "
								+ String.join(", ", Set.copyOf(CATEGORIES.keySet()).stream().sorted().toList())
								+ " nor a type like image/png or image/*");
			}
		}
		return clean;
	}

}
