package dev.fixpoint.search.web;

import dev.fixpoint.platform.DomainException;

/**
 * A query that did not parse, split around the offending characters so the page can mark
 * them; {@code marked} is empty when something is missing (the page then shows a caret).
 */
public record QueryErrorMark(String message, String before, String marked, String after) {

	static QueryErrorMark of(String query, DomainException ex) {
		String q = query == null ? "" : query;
		int position = clamp(ex.properties().get("position"), q.length());
		int length = clamp(ex.properties().get("length"), q.length() - position);
		return new QueryErrorMark(ex.getMessage(), q.substring(0, position), q.substring(position, position + length),
				q.substring(position + length));
	}

	/** Whether the exception says where in the query the problem is. */
	static boolean locates(DomainException ex) {
		return ex.properties().get("position") instanceof Number;
	}

	public boolean missing() {
		return this.marked.isEmpty();
	}

	private static int clamp(Object value, int max) {
		int n = value instanceof Number number ? number.intValue() : 0;
		return Math.max(0, Math.min(n, max));
	}

}
