package dev.fixpoint.search.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.fixpoint.search.DateCondition;
import dev.fixpoint.search.QueryContext;
import dev.fixpoint.search.QueryLanguage;
import dev.fixpoint.search.QuerySyntaxException;
import dev.fixpoint.search.SearchField;
import dev.fixpoint.search.SearchQuery;

/**
 * The filter chips of a query, each linking to the same search without it, and the
 * add-chip controls writing a value into the query. Works on the canonical query the
 * search answered with, so it always parses.
 */
final class QueryChips {

	private QueryChips() {
	}

	static List<QueryChip> of(String projectKey, String query, LocalDate today) {
		Optional<SearchQuery> parsed = parse(query, today);
		if (parsed.isEmpty()) {
			return List.of();
		}
		SearchQuery q = parsed.get();
		List<QueryChip> chips = new ArrayList<>();
		for (SearchField field : SearchField.values()) {
			String removed = SearchRoutes.search(projectKey, q.without(field).toQueryString());
			chip(chips, "", field, q.include(), removed);
			chip(chips, "-", field, q.exclude(), removed);
		}
		for (DateCondition date : q.dates()) {
			List<DateCondition> others = new ArrayList<>(q.dates());
			others.remove(date);
			chips.add(new QueryChip(label(date), url(projectKey,
					new SearchQuery(q.include(), q.exclude(), others, q.is(), q.bugKey(), q.sort(), q.text()))));
		}
		for (String is : q.is()) {
			Set<String> others = new LinkedHashSet<>(q.is());
			others.remove(is);
			chips.add(new QueryChip(is.contains(":") ? is : "is:" + is, url(projectKey,
					new SearchQuery(q.include(), q.exclude(), q.dates(), others, q.bugKey(), q.sort(), q.text()))));
		}
		q.sort()
			.ifPresent(sort -> chips.add(new QueryChip("sort:" + sort, url(projectKey, new SearchQuery(q.include(),
					q.exclude(), q.dates(), q.is(), q.bugKey(), Optional.empty(), q.text())))));
		return chips;
	}

	/**
	 * The query with {@code value} added to a field's values, as the add-chip controls
	 * ask; the query unchanged if it does not parse or the value is not one the field
	 * accepts (the search then says what is wrong).
	 */
	static String add(String query, SearchField field, String value, LocalDate today) {
		Optional<SearchQuery> parsed = parse(query, today);
		if (parsed.isEmpty() || value == null || value.isBlank()) {
			return query;
		}
		List<String> values = new ArrayList<>(parsed.get().include().getOrDefault(field, List.of()));
		values.add(value);
		try {
			return parsed.get().with(field, values).toQueryString();
		}
		catch (IllegalArgumentException ex) {
			return query;
		}
	}

	private static void chip(List<QueryChip> chips, String sign, SearchField field,
			Map<SearchField, List<String>> values, String removeUrl) {
		List<String> list = values.get(field);
		if (list != null && !list.isEmpty()) {
			chips.add(new QueryChip(sign + field.key() + ":" + String.join(",", list), removeUrl));
		}
	}

	private static String label(DateCondition date) {
		String field = date.field().key();
		String from = date.fromInclusive().map(LocalDate::toString).orElse(null);
		String to = date.toExclusive().map(d -> d.minusDays(1).toString()).orElse(null);
		if (from == null) {
			return field + ":<=" + to;
		}
		if (to == null) {
			return field + ":>=" + from;
		}
		return field + ":" + (from.equals(to) ? from : from + ".." + to);
	}

	private static String url(String projectKey, SearchQuery query) {
		return SearchRoutes.search(projectKey, query.toQueryString());
	}

	private static Optional<SearchQuery> parse(String query, LocalDate today) {
		try {
			return Optional.of(QueryLanguage.parse(query, QueryContext.anyStatus(today)));
		}
		catch (QuerySyntaxException ex) {
			return Optional.empty();
		}
	}

}
