package dev.fixpoint.search;

/**
 * A query that does not follow the query language. The message names the problem, where
 * it starts and what was expected instead, e.g.
 * {@code 'huge' is not a severity at 9: expected critical, high, medium or low}; it is
 * meant for the person who typed the query. {@link #position()} and {@link #length()}
 * mark the offending characters (a length of 0 marks something missing).
 */
public final class QuerySyntaxException extends RuntimeException {

	private final int position;

	private final int length;

	QuerySyntaxException(String problem, int position, int length, String expected) {
		super(problem + " at " + position + ": expected " + expected);
		this.position = position;
		this.length = length;
	}

	/** 0-based offset (in Java chars) of the first offending character in the query. */
	public int position() {
		return this.position;
	}

	/** How many characters the problem spans, 0 for something missing. */
	public int length() {
		return this.length;
	}

}
