package dev.fixpoint.search;

import java.util.List;
import java.util.Locale;

/**
 * One whitespace-separated piece of a query, as the scanner found it (positions are
 * offsets in the query).
 */
sealed interface Term {

	/**
	 * {@code -tag:"needs info",ui}: the field name as typed, and one value per
	 * comma-separated item.
	 */
	record FieldTerm(int start, boolean negated, String name, int nameStart, List<Value> values) implements Term {

		String key() {
			return this.name.toLowerCase(Locale.ROOT);
		}

		/** The term from its {@code -} (if any) to the end of the field name. */
		int headLength() {
			return this.nameStart + this.name.length() - this.start;
		}

	}

	/**
	 * Free text: a word, {@code -word}, {@code "a phrase"} or {@code -"a phrase"},
	 * exactly as typed.
	 */
	record TextTerm(int start, String raw, boolean negated, boolean quoted) implements Term {
	}

	/**
	 * One value of a field term, unquoted and unescaped; start and length cover it as
	 * typed (quotes included).
	 */
	record Value(String text, int start, int length, boolean quoted) {

		/** Where the value's own characters begin (after an opening quote). */
		int contentStart() {
			return this.quoted ? this.start + 1 : this.start;
		}

	}

}
