package dev.fixpoint.imports;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of a source file: its line number (the line it starts on) and its values by
 * column, a column repeated in the header (Jira's {@code Labels}, {@code Comment})
 * holding all of its values in order. Column names match regardless of case.
 */
record SourceRow(long line, Map<String, List<String>> values) {

	SourceRow {
		TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		copy.putAll(values);
		values = copy;
	}

	/** The first non-blank value of the column, or null. */
	String first(String column) {
		if (column == null) {
			return null;
		}
		for (String value : this.values.getOrDefault(column, List.of())) {
			if (value != null && !value.isBlank()) {
				return clean(value);
			}
		}
		return null;
	}

	/** Every non-blank value of the column. */
	List<String> all(String column) {
		if (column == null) {
			return List.of();
		}
		return this.values.getOrDefault(column, List.of())
			.stream()
			.filter(v -> v != null && !v.isBlank())
			.map(SourceRow::clean)
			.toList();
	}

	/** Trimmed, without NUL characters (a text column cannot hold them). */
	private static String clean(String value) {
		return value.indexOf('\u0000') >= 0 ? value.replace("\u0000", "").strip() : value.strip();
	}

	boolean has(String column) {
		return column != null && this.values.containsKey(column);
	}

}
