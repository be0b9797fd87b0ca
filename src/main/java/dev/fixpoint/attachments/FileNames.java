package dev.fixpoint.attachments;

import java.text.Normalizer;

/**
 * Turns whatever a client calls a file into a safe display name: no directories
 * ({@code ../../etc/passwd} becomes {@code passwd}), no control or bidi-override
 * characters, NFC-normalized unicode kept, at most 255 characters with the extension
 * kept. The name is only ever shown and sent back in Content-Disposition: objects are
 * stored under random UUIDs.
 */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	static String clean(String raw) {
		if (raw == null) {
			return "attachment";
		}
		String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		StringBuilder clean = new StringBuilder(name.length());
		name.codePoints().filter(FileNames::allowed).forEach(clean::appendCodePoint);
		name = clean.toString().strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.isBlank()) {
			return "attachment";
		}
		return shorten(name);
	}

	private static boolean allowed(int cp) {
		int type = Character.getType(cp);
		return !Character.isISOControl(cp) && type != Character.FORMAT && type != Character.UNASSIGNED
				&& type != Character.PRIVATE_USE && type != Character.SURROGATE && cp != '"' && cp != ':' && cp != '*'
				&& cp != '?' && cp != '<' && cp != '>' && cp != '|';
	}

	private static String shorten(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
		String base = name.substring(0, name.length() - extension.length());
		int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
		return base.substring(0, base.offsetByCodePoints(0, keep)) + extension;
	}

}
