package dev.fixpoint.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.fixpoint.bugs.BugKey;
import dev.fixpoint.search.Term.FieldTerm;
import dev.fixpoint.search.Term.TextTerm;
import dev.fixpoint.search.Term.Value;

/**
 * Turns the scanned terms of one query into a {@link SearchQuery}; one instance per
 * query.
 */
final class QueryParser {

	static final String FIELDS = Stream
		.of(Stream.of(SearchField.values()).map(SearchField::key), Stream.of(DateField.values()).map(DateField::key),
				Stream.of("is", "key", "sort"))
		.flatMap(keys -> keys)
		.collect(Collectors.joining(", "));

	private final QueryContext context;

	private final Map<SearchField, Set<String>> include = new EnumMap<>(SearchField.class);

	private final Map<SearchField, Set<String>> exclude = new EnumMap<>(SearchField.class);

	private final List<DateCondition> dates = new ArrayList<>();

	private final Set<String> states = new LinkedHashSet<>();

	private final List<String> text = new ArrayList<>();

	private String bugKey;

	private String sort;

	QueryParser(QueryContext context) {
		this.context = context;
	}

	SearchQuery parse(List<Term> terms) {
		for (Term term : terms) {
			switch (term) {
				case FieldTerm field -> field(field);
				case TextTerm words -> text(words);
			}
		}
		return new SearchQuery(lists(this.include), lists(this.exclude), this.dates, this.states,
				Optional.ofNullable(this.bugKey), Optional.ofNullable(this.sort), String.join(" ", this.text));
	}

	private void field(FieldTerm term) {
		Optional<SearchField> valueField = SearchField.named(term.key());
		Optional<DateField> dateField = DateField.named(term.key());
		if (valueField.isPresent()) {
			values(term, valueField.get());
		}
		else if (dateField.isPresent()) {
			DateExpression expression = new DateExpression(dateField.get(), this.context.today());
			this.dates.add(expression.parse(single(term)));
		}
		else {
			keyword(term);
		}
	}

	private void keyword(FieldTerm term) {
		switch (term.key()) {
			case "is" -> this.states.add(normalized(single(term), FieldValues::state));
			case "key" -> key(term);
			case "sort" -> sort(term);
			default -> throw new QuerySyntaxException("Unknown field '" + term.name() + "'", term.nameStart(),
					term.name().length(), "one of " + FIELDS);
		}
	}

	private void values(FieldTerm term, SearchField field) {
		Set<String> values = (term.negated() ? this.exclude : this.include).computeIfAbsent(field,
				f -> new LinkedHashSet<>());
		for (Value value : term.values()) {
			values.add(normalized(value, v -> FieldValues.normalize(field, v, this.context.statusKeys())));
		}
	}

	private void key(FieldTerm term) {
		Value value = single(term);
		if (this.bugKey != null) {
			throw new QuerySyntaxException("Second bug key", term.start(), term.headLength(), "at most one key");
		}
		this.bugKey = normalized(value, FieldValues::bugKey);
	}

	private void sort(FieldTerm term) {
		Value value = single(term);
		if (this.sort != null) {
			throw new QuerySyntaxException("Second sort", term.start(), term.headLength(), "at most one sort term");
		}
		this.sort = normalized(value, FieldValues::sortOrder);
	}

	/**
	 * The value of a term that can neither be negated nor list values: dates, is, key,
	 * sort.
	 */
	private Value single(FieldTerm term) {
		String key = term.key();
		if (term.negated()) {
			throw new QuerySyntaxException("'-" + key + "' cannot be negated", term.start(), term.headLength(),
					key + ": without '-'");
		}
		if (term.values().size() > 1) {
			Value second = term.values().get(1);
			throw new QuerySyntaxException("'" + key + "' takes one value", second.start() - 1, 1,
					"a separate " + key + ": term for each value");
		}
		return term.values().get(0);
	}

	private static String normalized(Value value, UnaryOperator<String> rule) {
		try {
			return rule.apply(value.text());
		}
		catch (InvalidValue ex) {
			throw ex.at(value.start(), value.length());
		}
	}

	private void text(TextTerm term) {
		boolean bareKey = !term.negated() && !term.quoted()
				&& BugKey.parse(term.raw()).filter(key -> key.toString().equals(term.raw())).isPresent();
		if (bareKey && this.bugKey == null) {
			this.bugKey = term.raw();
			return;
		}
		this.text.add(term.quoted() ? collapseSpace(term.raw()) : term.raw());
	}

	private static String collapseSpace(String phrase) {
		StringBuilder collapsed = new StringBuilder(phrase.length());
		for (char c : phrase.toCharArray()) {
			boolean space = QueryScanner.isSpace(c);
			if (!space || collapsed.isEmpty() || collapsed.charAt(collapsed.length() - 1) != ' ') {
				collapsed.append(space ? ' ' : c);
			}
		}
		return collapsed.toString();
	}

	private static Map<SearchField, List<String>> lists(Map<SearchField, Set<String>> values) {
		Map<SearchField, List<String>> lists = new LinkedHashMap<>();
		values.forEach((field, set) -> lists.put(field, List.copyOf(set)));
		return lists;
	}

}
