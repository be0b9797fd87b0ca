/**
 * Backup and restore of a whole installation: {@code java -jar fixpoint.jar backup --to
 * FILE} and {@code restore --from FILE [--force]} ({@code BackupCommand}, started by
 * {@code FixpointApplication.main} without the web server, scheduled jobs or start-up
 * migrations).
 * <p>
 * One zip archive: every table of the schema in PostgreSQL's COPY text format
 * ({@code tables/<name>.copy}, read from the catalog, parents before children, so a new
 * table is covered without a change here), the stored objects the rows refer to
 * ({@code objects/<key>}), and {@code manifest.json} last (format, app and Flyway schema
 * version, time, row counts, sequences' definitions and values, SHA-256 of every entry).
 * <p>
 * Rules: a backup reads the rows in one {@code repeatable read, read only} transaction (a
 * consistent snapshot; the application keeps serving) and copies the objects while
 * {@code attachments.StoredObjects#pausePurges} stops every node from deleting objects
 * (taken before the snapshot; deletions wait in {@code attachment_purges}). A restore
 * refuses a database holding rows (unless {@code --force}), a corrupt archive or one of a
 * newer schema; it migrates to the archive's version, loads all tables (user triggers
 * off: derived columns were copied) and writes all objects in one transaction, verifying
 * counts and checksums as it streams, then migrates to the current version. Works on the
 * raw schema through JDBC (it must read every module's tables); calls only
 * {@code attachments.StoredObjects}. Each finished backup writes a row of
 * {@code backup_runs} after its snapshot (so no archive holds its own), read by
 * {@link dev.fixpoint.backup.BackupHistory} for the system status page. Publishes and
 * listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.backup;
