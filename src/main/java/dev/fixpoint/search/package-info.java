/**
 * Finding bugs: the query language, full-text and similar-bug search, saved filters.
 * {@link dev.fixpoint.search.QueryLanguage} turns what people type into a {@link dev.fixpoint.search.SearchQuery}.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.search;
