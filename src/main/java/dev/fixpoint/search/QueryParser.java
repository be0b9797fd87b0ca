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
				Stream.of(QueryKeyword.values()).map(QueryKeyword::key))
		.flatMap(keys -> keys)
		.collect(Collectors.joining(", "));

	/**
	 * The word that joins alternatives of one field:
	 * {@code severity:critical OR severity:high}.
	 */
	static final String OR = "OR";

	private final QueryContext context;

	private final Map<SearchField, Set<String>> include = new EnumMap<>(SearchField.class);

	private final Map<SearchField, Set<String>> exclude = new EnumMap<>(SearchField.class);

	private final List<DateCondition> dates = new ArrayList<>();

	private final Set<String> states = new LinkedHashSet<>();

	private final List<String> text = new ArrayList<>();

	private String bugKey;

	private String sort;

	/**
	 * The bare key ({@code WEB-42}) taken as the bug key, and where it was among the
	 * words.
	 */
	private TextTerm bareKey;

	private int bareKeyAt;

	/** The {@code key:} term, if any. */
	private FieldTerm keyTerm;

	QueryParser(QueryContext context) {
		this.context = context;
	}

	SearchQuery parse(List<Term> terms) {
		for (int i = 0; i < terms.size(); i++) {
			Term term = terms.get(i);
			if (isOr(term) && joinsFields(terms, i)) {
				continue;
			}
			switch (term) {
				case FieldTerm field -> field(field);
				case TextTerm words -> text(words);
			}
		}
		keyAlone();
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
			DateCondition condition = expression.parse(one(term));
			this.dates.add(term.negated() ? negated(term, condition) : condition);
		}
		else {
			keyword(term);
		}
	}

	private void keyword(FieldTerm term) {
		switch (term.key()) {
			case "is" -> {
				String state = normalized(one(term), FieldValues::state);
				if (FieldValues.RELATION_STATES.contains(state)) {
					this.states.add((term.negated() ? "-" : "") + "is:" + state);
				}
				else {
					this.states.add(term.negated() ? FieldValues.opposite(state) : state);
				}
			}
			case "has" ->
				this.states.add((term.negated() ? "-" : "") + "has:" + normalized(one(term), FieldValues::has));
			case "parent" -> this.states.add("parent:" + normalized(single(term), FieldValues::bugKey));
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
			values.add(normalized(value, v -> FieldValues.normalize(field, v, this.context)));
		}
	}

	private void key(FieldTerm term) {
		Value value = single(term);
		if (this.keyTerm != null) {
			throw new QuerySyntaxException("Second bug key", term.start(), term.headLength(), "at most one key");
		}
		this.keyTerm = term;
		if (this.bareKey != null) {
			this.text.add(this.bareKeyAt, this.bareKey.raw());
			this.bareKey = null;
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
	 * The value of a term that can neither be negated nor list values: key, sort.
	 */
	private Value single(FieldTerm term) {
		String key = term.key();
		if (term.negated()) {
			throw new QuerySyntaxException("'-" + key + "' cannot be negated", term.start(), term.headLength(),
					key + ": without '-'");
		}
		return one(term);
	}

	/** The value of a term that takes one value: dates, is, key, sort. */
	private Value one(FieldTerm term) {
		String key = term.key();
		if (term.values().size() > 1) {
			Value second = term.values().get(1);
			throw new QuerySyntaxException("'" + key + "' takes one value", second.start() - 1, 1,
					"a separate " + key + ": term for each value");
		}
		return term.values().get(0);
	}

	/**
	 * The days outside a one-sided condition: {@code -created:>2026-10-01} is
	 * {@code created:<=2026-10-01}. A range or a single day would leave two pieces.
	 */
	private static DateCondition negated(FieldTerm term, DateCondition condition) {
		if (condition.fromInclusive().isPresent() && condition.toExclusive().isPresent()) {
			throw new QuerySyntaxException("'-" + term.key() + "' cannot exclude a day or a range", term.start(),
					term.headLength(), "one side, e.g. -" + term.key() + ":>2026-10-01 or -" + term.key() + ":<7d");
		}
		return condition.fromInclusive()
			.map(from -> DateCondition.before(condition.field(), from))
			.orElseGet(() -> DateCondition.onOrAfter(condition.field(), condition.toExclusive().get()));
	}

	static boolean isOr(Term term) {
		return term instanceof TextTerm text && !text.quoted() && !text.negated() && text.raw().equalsIgnoreCase(OR);
	}

	/**
	 * Whether the {@code OR} at {@code i} joins two field terms (and checks that it may:
	 * included values of one value field). Between words it is left to the text search,
	 * which reads {@code or} itself.
	 */
	private static boolean joinsFields(List<Term> terms, int i) {
		Term before = i > 0 ? terms.get(i - 1) : null;
		Term after = i + 1 < terms.size() ? terms.get(i + 1) : null;
		if (!(before instanceof FieldTerm) && !(after instanceof FieldTerm)) {
			return false;
		}
		int at = ((TextTerm) terms.get(i)).start();
		String example = "two values of one field, e.g. severity:critical OR severity:high";
		if (!(before instanceof FieldTerm left) || !(after instanceof FieldTerm right)) {
			throw new QuerySyntaxException("'OR' needs a field term on each side", at, 2, example);
		}
		if (!left.key().equals(right.key())) {
			throw new QuerySyntaxException("'OR' joins values of one field", at, 2, example);
		}
		if (SearchField.named(left.key()).isEmpty()) {
			throw new QuerySyntaxException("'OR' cannot join " + left.key() + ": terms", at, 2,
					"one " + left.key() + ": term");
		}
		if (left.negated() || right.negated()) {
			throw new QuerySyntaxException("'OR' cannot join exclusions", at, 2,
					"-" + left.key() + ":a -" + left.key() + ":b (excludes both)");
		}
		return true;
	}

	/**
	 * {@code key:} opens one bug, so it stands alone (a sort aside); a bare key with
	 * other terms is just words.
	 */
	private void keyAlone() {
		boolean others = !this.include.isEmpty() || !this.exclude.isEmpty() || !this.dates.isEmpty()
				|| !this.states.isEmpty() || !this.text.isEmpty();
		if (!others) {
			return;
		}
		if (this.keyTerm != null) {
			throw new QuerySyntaxException("'key' opens one bug", this.keyTerm.start(), this.keyTerm.headLength(),
					"key: alone, or the key as words without key:");
		}
		if (this.bareKey != null) {
			this.text.add(this.bareKeyAt, this.bareKey.raw());
			this.bugKey = null;
		}
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
		Optional<BugKey> key = term.negated() || term.quoted() ? Optional.empty() : BugKey.parse(term.raw());
		if (key.isPresent() && this.bugKey == null) {
			this.bugKey = key.get().toString();
			this.bareKey = term;
			this.bareKeyAt = this.text.size();
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
