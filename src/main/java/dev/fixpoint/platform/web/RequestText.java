package dev.fixpoint.platform.web;

/**
 * The edge's rule for text in a request, wherever it comes from (a JSON string or key, a
 * query or form parameter's name or value): no NUL, which PostgreSQL cannot store in
 * {@code text}, and no lone UTF-16 surrogate, which is not Unicode (JSON's
 * {@code "\ud800"}). Everything else is the modules' business.
 */
final class RequestText {

	static final String NUL = "must not contain the NUL character (U+0000)";

	static final String LONE_SURROGATE = "must be valid Unicode text (it contains a lone UTF-16 surrogate)";

	static final String NOT_UTF8 = "must be valid UTF-8 text";

	private RequestText() {
	}

	/** Why {@code text} is refused, or null when it is fine. */
	static String problem(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return NUL;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return LONE_SURROGATE;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return LONE_SURROGATE;
			}
		}
		return null;
	}

}
