package dev.fixpoint.platform;

/**
 * Patterns for SQL's {@code like} and {@code ilike} made from text a person typed: its
 * {@code %}, {@code _} and {@code \} match themselves (PostgreSQL's default escape
 * character is the backslash), so a filter of {@code _} finds names with an underscore,
 * not everyone.
 */
public final class Like {

	private Like() {
	}

	/** Matches any text that contains {@code text}: {@code name ilike :pattern}. */
	public static String contains(String text) {
		return "%" + escape(text) + "%";
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
