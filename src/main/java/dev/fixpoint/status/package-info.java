/**
 * The system status page of site admins ({@code /admin/status},
 * {@code GET /api/admin/status}): version, uptime, database size and version, the
 * outbox's and the email outbox's backlogs (read from their Micrometer gauges), the last
 * backup ({@link dev.fixpoint.backup.BackupHistory}) and the application nodes connected
 * to the database ({@code pg_stat_activity}). Calls {@code accounts.SiteAdmin} (who may
 * look) and {@code backup}; owns no table; publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.status;
