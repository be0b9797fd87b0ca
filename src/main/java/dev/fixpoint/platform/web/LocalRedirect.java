package dev.fixpoint.platform.web;

/** Where a {@code next} parameter may send the browser: only to a path on this site. */
public final class LocalRedirect {

	private LocalRedirect() {
	}

	/**
	 * {@code next} if it is a local path ("/projects?x=1"); otherwise {@code fallback}.
	 * Rejects "//host" and "/\host" (browsers treat both as another site), schemes, and
	 * control characters.
	 */
	public static String orElse(String next, String fallback) {
		if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
				|| next.indexOf('\\') >= 0) {
			return fallback;
		}
		for (int i = 0; i < next.length(); i++) {
			if (Character.isISOControl(next.charAt(i)) || Character.isWhitespace(next.charAt(i))) {
				return fallback;
			}
		}
		return next;
	}

}
