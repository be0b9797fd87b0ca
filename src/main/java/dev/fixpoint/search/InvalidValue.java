package dev.fixpoint.search;

/**
 * A value a field does not accept; the parser adds where it is, {@link SearchQuery#with}
 * turns it into an IAE.
 */
final class InvalidValue extends RuntimeException {

	private final String problem;

	private final String expected;

	InvalidValue(String problem, String expected) {
		super(problem + ": expected " + expected, null, false, false);
		this.problem = problem;
		this.expected = expected;
	}

	static InvalidValue notA(String value, String what, String expected) {
		return new InvalidValue("'" + value + "' is not " + what, expected);
	}

	static InvalidValue missing(String field, String expected) {
		return new InvalidValue("'" + field + "' needs a value", expected);
	}

	QuerySyntaxException at(int position, int length) {
		return new QuerySyntaxException(this.problem, position, length, this.expected);
	}

}
