package dev.fixpoint.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed bug search, immutable. Values within a field are alternatives (OR),
 * {@link #exclude} removes bugs matching any of its values, and everything else narrows
 * the result (AND).
 *
 * @param include values a bug must match, per field, e.g.
 * {@code STATUS → [open, in_progress]}
 * @param exclude values a bug must not match, per field ({@code -tag:flaky})
 * @param dates date conditions, all of which must hold
 * @param is shortcuts {@code open}, {@code closed}, {@code unassigned}, all of which must
 * hold; the caller maps open/closed to status categories (open: todo or in progress,
 * closed: done). Relation terms are kept as written, with their field:
 * {@code is:blocked}, {@code -is:blocking}, {@code has:parent}, {@code parent:WEB-1}
 * @param bugKey a bug key ({@code key:WEB-42} or a bare {@code WEB-42}): the caller may
 * jump straight to it
 * @param sort the bug list's sort parameter, e.g. {@code -priority}
 * @param text free text for PostgreSQL's {@code websearch_to_tsquery}, as typed with
 * whitespace normalised ({@code login "reset link" -flaky}); empty if none
 */
public record SearchQuery(Map<SearchField, List<String>> include, Map<SearchField, List<String>> exclude,
		List<DateCondition> dates, Set<String> is, Optional<String> bugKey, Optional<String> sort, String text) {

	public SearchQuery {
		include = frozen(include);
		exclude = frozen(exclude);
		dates = List.copyOf(dates);
		is = Collections.unmodifiableSet(new LinkedHashSet<>(is));
		Objects.requireNonNull(bugKey, "bugKey");
		Objects.requireNonNull(sort, "sort");
		text = text == null ? "" : text.strip();
	}

	/** The query that finds every bug. */
	public static SearchQuery empty() {
		return new SearchQuery(Map.of(), Map.of(), List.of(), Set.of(), Optional.empty(), Optional.empty(), "");
	}

	/** Whether the query neither filters nor sorts. */
	public boolean isEmpty() {
		return equals(empty());
	}

	/**
	 * The query in canonical form: value fields in {@link SearchField} order, exclusions,
	 * dates (as {@code >=}, {@code <}, a day or a range), is, key, sort, then the free
	 * text. Parsing it gives this query back.
	 */
	public String toQueryString() {
		return QueryWriter.write(this);
	}

	/**
	 * This query with a field's included values replaced, as a filter chip sets them.
	 * Values are checked and normalised as in a query (status keys only for their form);
	 * empty values remove the field's inclusion.
	 * @throws IllegalArgumentException for a value the field does not accept
	 */
	public SearchQuery with(SearchField field, List<String> values) {
		Map<SearchField, List<String>> changed = new EnumMap<>(SearchField.class);
		changed.putAll(this.include);
		changed.put(field, values.stream().map(value -> accepted(field, value)).distinct().toList());
		return new SearchQuery(changed, this.exclude, this.dates, this.is, this.bugKey, this.sort, this.text);
	}

	/**
	 * This query without any inclusion or exclusion on a field, as when its chip is
	 * removed.
	 */
	public SearchQuery without(SearchField field) {
		Map<SearchField, List<String>> included = new EnumMap<>(SearchField.class);
		Map<SearchField, List<String>> excluded = new EnumMap<>(SearchField.class);
		included.putAll(this.include);
		excluded.putAll(this.exclude);
		included.remove(field);
		excluded.remove(field);
		return new SearchQuery(included, excluded, this.dates, this.is, this.bugKey, this.sort, this.text);
	}

	private static String accepted(SearchField field, String value) {
		try {
			return FieldValues.normalize(field, value, null);
		}
		catch (InvalidValue ex) {
			throw new IllegalArgumentException(ex.getMessage());
		}
	}

	private static Map<SearchField, List<String>> frozen(Map<SearchField, List<String>> values) {
		Map<SearchField, List<String>> copy = new EnumMap<>(SearchField.class);
		values.forEach((field, list) -> {
			if (!list.isEmpty()) {
				copy.put(Objects.requireNonNull(field, "field"), List.copyOf(list));
			}
		});
		return Collections.unmodifiableMap(copy);
	}

}
