/**
 * Bug reports: filing the structured report, reading and listing with filters and keyset pagination, editing
 * with optimistic concurrency, status changes through the project's workflow, and the per-field history.
 * Publishes {@link dev.fixpoint.bugs.BugReported} and {@link dev.fixpoint.bugs.BugChanged}.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs;
