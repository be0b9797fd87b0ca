/**
 * Finding bugs: the query language, ranked full-text search across projects, saved
 * filters, and their pages ({@code /search}, optionally {@code ?project=};
 * {@code /search/quick}, up to 8 hits for the header box; {@code /search/suggest}, what
 * the query box suggests at the caret; {@code /help/search}, the language's help, from
 * {@link dev.fixpoint.search.QueryHelp}; {@code /p/{KEY}/filters}, the saved filters
 * panel the bug list loads by URL) and API ({@code /api/search},
 * {@code /api/projects/{id}/search}, {@code /api/projects/{id}/filters},
 * {@code /api/filters/{id}}).
 * <p>
 * Owns the table {@code saved_filters}. Public API:
 * {@link dev.fixpoint.search.QueryLanguage#parse} (input and a
 * {@link dev.fixpoint.search.QueryContext}) into a
 * {@link dev.fixpoint.search.SearchQuery} ({@code toQueryString}, {@code with},
 * {@code without}), {@link dev.fixpoint.search.BugSearch} (query to
 * {@link dev.fixpoint.bugs.BugCriteria} to {@code BugQueries.search}, which resolves it
 * like any bug list: ranked for words, in the query's sort for filters alone; or the bug
 * to jump to when the query is one visible key),
 * {@link dev.fixpoint.search.QuerySuggestions}, {@link dev.fixpoint.search.SavedFilters}.
 * <p>
 * Rules: the query language
 * ({@code status:open,in_progress -tag:flaky created:>7d "login page" sort:-priority}) is
 * a hand-written scanner and parser with no Spring and no SQL; free text reaches
 * {@code websearch_to_tsquery} as a parameter. Values are bugs' own types
 * ({@code Severity}, {@code Priority}, {@code BugKey}, {@code BugSort}), so the search
 * and the list never disagree; relations ({@code is:blocked}, {@code is:blocking},
 * {@code has:parent}, {@code parent:WEB-1}) and releases ({@code fixed_in:1.4},
 * {@code affects:1.3}) are the list's criteria too. Dates become half-open day intervals.
 * Chips on the search page rewrite the query with {@code with}/{@code without} and
 * {@code toQueryString}, so every state of a search is a URL; a saved filter applies by
 * linking to {@code /search?project=KEY&q=...}. Every search is timed
 * ({@code fixpoint.search}, a histogram by scope). Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.search;
