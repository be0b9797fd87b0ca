package dev.fixpoint.search;

import java.util.Objects;

/**
 * The bug search query language, typed by people and written by the filter UI:
 * {@code status:open,in_progress severity:critical assignee:me -tag:flaky created:>2026-10-01 "login page" sort:-priority}.
 *
 * <pre>
 * query  = term { whitespace term }                      at most 1,000 characters; empty finds everything
 * term   = ["-"] field ":" value { "," value }           "-" excludes; commas are alternatives (any of)
 *        | term "OR" term                                 two terms of one value field: alternatives too
 *        | bugkey                                        WEB-42 in any case, alone: the bug to open
 *        | ["-"] word | ["-"] '"' phrase '"'             free text, kept in order; "-" excludes the word
 * value  = chars without whitespace or ","  |  '"' chars, with \" and \\ escaped '"'
 * field  = status     status key or name of the project  severity  critical | high | medium | low
 *        | priority   P0 | P1 | P2 | P3                  assignee  me | none | username
 *        | reporter   me | username                    tag, component   any text
 *        | created | updated | resolved | due   date     is        open | closed | assigned | unassigned
 *        | key        WEB-42                           sort      [-]created | updated | priority | severity | due
 * date   = [">" | ">=" | "<" | "<="] day  |  day ".." day            (inclusive range)
 * day    = YYYY-MM-DD  |  N "d"  |  N "w"                             (N days or weeks before today)
 * </pre>
 *
 * Field names are case-insensitive. Dates, {@code is}, {@code key} and {@code sort} take
 * one value; {@code -is:open} is {@code is:closed}, a one-sided date negates to the other
 * side ({@code -created:>7d}), {@code key} and {@code sort} cannot be negated and appear
 * at most once. {@code key:} stands alone (a sort aside); a bare key with other terms is
 * words. {@code OR} between words is left to the text search. A word of ASCII letters
 * followed by {@code :} is always a field, so {@code colour:red} is an error; quote it to
 * search for it ({@code "colour:red"}). The parser never builds SQL: free text goes to
 * {@code websearch_to_tsquery} as a parameter. {@link QueryHelp} describes the language
 * for people from the same definitions.
 */
public final class QueryLanguage {

	/** The longest query accepted, in chars. */
	public static final int MAX_LENGTH = 1000;

	private QueryLanguage() {
	}

	/**
	 * Parses a query; {@code null}, empty and blank input give
	 * {@link SearchQuery#empty()}.
	 * @throws QuerySyntaxException for anything the grammar does not allow, with where
	 * and what was expected
	 */
	public static SearchQuery parse(String input, QueryContext context) {
		Objects.requireNonNull(context, "context");
		String query = input == null ? "" : input;
		if (query.length() > MAX_LENGTH) {
			throw new QuerySyntaxException("Query is too long", MAX_LENGTH, query.length() - MAX_LENGTH,
					"at most " + MAX_LENGTH + " characters");
		}
		return new QueryParser(context).parse(new QueryScanner(query).terms());
	}

}
