package dev.fixpoint.search;

import java.util.Locale;

/**
 * The fields of a query that are not bug values or dates: {@code is:open},
 * {@code has:parent}, {@code parent:WEB-1}, {@code key:WEB-42}, {@code sort:-priority}.
 */
public enum QueryKeyword {

	IS, HAS, PARENT, KEY, SORT;

	/** The field as written in queries, e.g. {@code is}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
