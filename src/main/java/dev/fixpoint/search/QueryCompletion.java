package dev.fixpoint.search;

import java.util.Locale;

/**
 * Where the caret of a query being typed stands: in a field name, or in a value of a
 * field, and which characters a chosen suggestion replaces. Pure: the suggestions are
 * looked up by {@link QuerySuggestions}.
 *
 * @param field the field whose value is typed (lower case), or null when a field name (or
 * a word) is typed
 * @param typed what is typed of it so far, without an opening quote
 * @param from the first character a suggestion replaces
 * @param to the character after the last one it replaces (the caret)
 */
public record QueryCompletion(String field, String typed, int from, int to) {

	/**
	 * @param caret the caret's offset; outside the query, its end
	 */
	public static QueryCompletion at(String query, int caret) {
		String text = query == null ? "" : query;
		int end = caret < 0 || caret > text.length() ? text.length() : caret;
		int start = termStart(text, end);
		if (start < end && text.charAt(start) == '-') {
			start++;
		}
		String term = text.substring(start, end);
		int colon = term.indexOf(':');
		if (colon <= 0 || !term.substring(0, colon).chars().allMatch(c -> Character.isLetter(c) || c == '_')) {
			return new QueryCompletion(null, term, start, end);
		}
		String field = term.substring(0, colon).toLowerCase(Locale.ROOT);
		int valueStart = start + colon + 1;
		int comma = lastCommaOutsideQuotes(text, valueStart, end);
		if (comma >= 0) {
			valueStart = comma + 1;
		}
		String typed = text.substring(valueStart, end);
		return new QueryCompletion(field, typed.startsWith("\"") ? typed.substring(1) : typed, valueStart, end);
	}

	/** Whether a field's value (not a field name) is being typed. */
	public boolean inValue() {
		return this.field != null;
	}

	/** The start of the term the caret is in: after the last space outside quotes. */
	private static int termStart(String text, int end) {
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && QueryScanner.isSpace(c)) {
				start = i + 1;
			}
		}
		return start;
	}

	private static int lastCommaOutsideQuotes(String text, int from, int end) {
		boolean quoted = false;
		int comma = -1;
		for (int i = from; i < end; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				comma = i;
			}
		}
		return comma;
	}

}
