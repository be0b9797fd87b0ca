package dev.fixpoint.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fixpoint.search.Term.Value;

/**
 * The value of a date term: {@code [>|>=|<|<=]day} or {@code day..day}, where a day is
 * {@code YYYY-MM-DD} or {@code Nd}/{@code Nw} (N days or weeks before today).
 */
final class DateExpression {

	static final String EXPECTED = "a date like 2026-10-01, >2026-10-01, >=, <, <=, 2026-10-01..2026-10-31 or 7d, 2w";

	private static final List<String> OPERATORS = List.of(">=", "<=", ">", "<");

	private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern RELATIVE = Pattern.compile("(\\d{1,4})([dw])");

	private final DateField field;

	private final LocalDate today;

	DateExpression(DateField field, LocalDate today) {
		this.field = field;
		this.today = today;
	}

	DateCondition parse(Value value) {
		String text = value.text().strip();
		if (text.isEmpty()) {
			throw InvalidValue.missing(this.field.key(), EXPECTED).at(value.start(), value.length());
		}
		String operator = OPERATORS.stream().filter(text::startsWith).findFirst().orElse("");
		String operand = text.substring(operator.length());
		int at = value.contentStart() + operator.length();
		if (operator.isEmpty() && operand.contains("..")) {
			return range(operand, at);
		}
		LocalDate day = day(operand, at);
		return switch (operator) {
			case ">" -> DateCondition.onOrAfter(this.field, day.plusDays(1));
			case ">=" -> DateCondition.onOrAfter(this.field, day);
			case "<" -> DateCondition.before(this.field, day);
			case "<=" -> DateCondition.before(this.field, day.plusDays(1));
			default -> DateCondition.between(this.field, day, day);
		};
	}

	private DateCondition range(String operand, int at) {
		int dots = operand.indexOf("..");
		LocalDate first = day(operand.substring(0, dots), at);
		LocalDate last = day(operand.substring(dots + 2), at + dots + 2);
		if (last.isBefore(first)) {
			throw new QuerySyntaxException("'" + operand + "' ends before it starts", at, operand.length(),
					"the earlier date first");
		}
		return DateCondition.between(this.field, first, last);
	}

	private LocalDate day(String text, int at) {
		Matcher relative = RELATIVE.matcher(text.toLowerCase(Locale.ROOT));
		if (relative.matches()) {
			int count = Integer.parseInt(relative.group(1));
			return relative.group(2).equals("d") ? this.today.minusDays(count) : this.today.minusWeeks(count);
		}
		if (!ISO_DAY.matcher(text).matches()) {
			String problem = text.isEmpty() ? "Missing date" : "'" + text + "' is not a date";
			throw new QuerySyntaxException(problem, at, text.length(), "YYYY-MM-DD or a relative 7d or 2w");
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new QuerySyntaxException("'" + text + "' is not a day of the calendar", at, text.length(),
					"a real date in YYYY-MM-DD");
		}
	}

}
