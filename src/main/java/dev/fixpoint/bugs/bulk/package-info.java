/**
 * Bulk changes and CSV export, for the list page ({@code /p/{KEY}/bugs/bulk},
 * {@code /p/{KEY}/bugs/export.csv}) and the API ({@code POST
 * /api/projects/{id}/bugs/bulk}, {@code GET .../bugs/export.csv}). Similar bugs are the
 * {@code triage} module's ({@code GET /api/projects/{id}/bugs/similar}).
 * <p>
 * Each bug of a bulk change goes through {@code BugBulk}: checked and saved like a single
 * edit, in its own transaction with its own events, so one refused bug does not stop the
 * others. The page's answer is a redirect back to the list with its filters and a
 * {@link dev.fixpoint.bugs.bulk.BulkSummary} as a flash attribute; flash attributes live
 * in the JDBC-stored session, so the summary is {@code Serializable}. Publishes and
 * listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.bulk;
