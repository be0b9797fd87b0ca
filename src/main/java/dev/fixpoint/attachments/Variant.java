package dev.fixpoint.attachments;

import java.util.Locale;
import java.util.Optional;

/** Which stored object of an attachment a signed URL serves. */
public enum Variant {

	ORIGINAL, THUMBNAIL;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Variant> parse(String value) {
		for (Variant v : values()) {
			if (v.key().equals(value)) {
				return Optional.of(v);
			}
		}
		return Optional.empty();
	}

}
