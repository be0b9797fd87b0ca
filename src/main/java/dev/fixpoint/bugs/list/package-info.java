/**
 * The bug list page ({@code /p/{KEY}/bugs}): filters, sort headers, keyset pages, counts,
 * the bulk bar and the CSV export link; htmx requests get only the results fragment.
 * Templates under {@code src/main/jte/bugs/list}.
 * <p>
 * The saved filters panel is composed by URL, not by import: {@code hx-get} of search's
 * {@code /p/{KEY}/filters} on load. Bulk changes and the export are served by
 * {@code bugs.bulk}, whose {@code BulkSummary} the list shows after a bulk change.
 * Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.list;
