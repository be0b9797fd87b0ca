/**
 * The audit log: who did which security-relevant or administrative thing, when, from
 * which address and user agent, with the values before and after. Other modules call
 * {@link dev.fixpoint.audit.AuditLog#record(AuditEvent)} inside the transaction of the
 * change, so an entry exists exactly when the change committed.
 * <p>
 * Owns the table {@code audit_events} (append-only: a trigger refuses updates, except a
 * deleted person's redaction). Public API: {@link dev.fixpoint.audit.AuditLog} (record,
 * search with keyset pagination, stream for the CSV export, redact a person),
 * {@link dev.fixpoint.audit.AuditEvent} (what to record),
 * {@link dev.fixpoint.audit.AuditEntry} (what was recorded),
 * {@link dev.fixpoint.audit.AuditQuery}. Calls no other module: who may read an
 * organization's log is the caller's rule (accounts: org admins). Entries older than
 * {@code fixpoint.audit.retention} (default 365 days) are deleted by the accounts
 * module's {@code Retention} job. Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.audit;
