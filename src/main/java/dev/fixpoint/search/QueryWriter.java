package dev.fixpoint.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@link SearchQuery} back as canonical query text, quoting values only where
 * they need it.
 */
final class QueryWriter {

	private QueryWriter() {
	}

	static String write(SearchQuery query) {
		List<String> terms = new ArrayList<>();
		query.include().forEach((field, values) -> terms.add(fieldTerm("", field.key(), values)));
		query.exclude().forEach((field, values) -> terms.add(fieldTerm("-", field.key(), values)));
		query.dates().forEach(date -> terms.add(date.toQueryTerm()));
		query.is().forEach(state -> terms.add(term(state)));
		query.bugKey().ifPresent(key -> terms.add("key:" + key));
		query.sort().ifPresent(sort -> terms.add("sort:" + sort));
		if (!query.text().isEmpty()) {
			terms.add(query.text());
		}
		return String.join(" ", terms);
	}

	/**
	 * An entry of {@link SearchQuery#is()} as a term: a state ({@code open}) or a
	 * relation term kept as written ({@code -is:blocked}, {@code parent:WEB-1}).
	 */
	static String term(String is) {
		return is.contains(":") ? is : "is:" + is;
	}

	private static String fieldTerm(String sign, String key, List<String> values) {
		return sign + key + ":" + values.stream().map(QueryWriter::value).collect(Collectors.joining(","));
	}

	static String value(String value) {
		boolean plain = !value.isEmpty()
				&& value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\\' || QueryScanner.isSpace((char) c));
		return plain ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
