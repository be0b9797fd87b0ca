package dev.fixpoint.accounts;

/**
 * A PostgreSQL regular expression matching {@code @username} as a mention, and the
 * username in a rendered mention's link ({@code ?assignee=username}; the sanitized HTML
 * writes {@code @} and {@code =} as {@code &#64;} and {@code &#61;}), never as the start
 * of a longer username: for erasing a deleted person's name from texts others wrote. The
 * replacement keeps the character before the name.
 */
public final class Mentions {

	private Mentions() {
	}

	public static String pattern(String username) {
		return "(@|&#64;|=|&#61;)" + quote(username) + "(?![A-Za-z0-9_.-])";
	}

	/** A PostgreSQL regular expression matching the name as whole words. */
	public static String name(String name) {
		return "\\m" + quote(name) + "\\M";
	}

	private static String quote(String text) {
		return text.replaceAll("([.\\-+*?^$()\\[\\]{}|\\\\])", "\\\\$1");
	}

	/** What a match becomes: the same prefix and the new username. */
	public static String replacement(String newUsername) {
		return "\\1" + newUsername;
	}

}
