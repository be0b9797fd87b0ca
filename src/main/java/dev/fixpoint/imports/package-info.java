/**
 * Imports: a team's bugs brought in from another tracker's export (Jira CSV, Linear CSV,
 * any CSV or JSON file with a header row) or REST API (Jira, Redmine, GitHub and GitLab
 * Issues: {@code RemoteIssues}, {@code RemoteHttp}, the pages followed, rate limits
 * waited out), by a project admin (or from a linked repository's integration page, module
 * {@code forge}), as a job: queued with its file ({@code import_jobs}, the file in
 * {@code import_job_chunks}) or connection (the token sealed until the job ends), claimed
 * once across nodes ({@code FOR UPDATE SKIP
 * LOCKED}, then a heartbeat) and run by the node's import thread ({@code ImportWorker},
 * {@code ImportRunner}); a dry run counts what would happen and writes nothing.
 * {@code web} holds the API ({@code POST /api/projects/{id}/imports}, {@code GET
 * /api/imports/{id}}, {@code POST /api/imports/{id}/cancel}, {@code .../run},
 * {@code .../undo}) and the wizard (upload, dry run, mapping step with a preview of the
 * first rows, run, summary, undo).
 * <p>
 * Owns {@code import_jobs}, {@code import_job_chunks}, {@code import_warnings},
 * {@code import_links} and {@code import_attachments} (files the rows name, downloaded
 * after the rows into {@link dev.fixpoint.attachments.Attachments} by
 * {@code ImportAttachments}, only from the tracker's host). Public API:
 * {@link dev.fixpoint.imports.Imports} (start, connect, find, preview, remap, run,
 * cancel, undo, recent, the warnings as CSV), {@link dev.fixpoint.imports.ImportJob},
 * {@link dev.fixpoint.imports.ImportMapping},
 * {@link dev.fixpoint.imports.ImportConnection},
 * {@link dev.fixpoint.imports.ImportPreview}, {@link dev.fixpoint.imports.ImportReport}.
 * Publishes {@link dev.fixpoint.imports.IssuesImported} (an API's issues a batch wrote,
 * in its transaction) and listens to nothing. GitHub's and GitLab's labels become tags
 * and give priority and severity ({@code ForgeLabels}). Writes bugs only through
 * {@link dev.fixpoint.bugs.BugImport} and comments only through
 * {@link dev.fixpoint.comments.CommentImport}.
 * <p>
 * Rules: the file is read twice, streamed: the first pass finds its encoding (a byte
 * order mark; UTF-16 by its zero bytes; strict UTF-8, else Windows-1252) and counts its
 * records, so a broken file fails before anything is written; the second translates each
 * record ({@code RowTranslator}: the mapping or the source's default columns, statuses,
 * priorities, severities, people by email, name or username, Jira wiki markup as
 * markdown) and writes batches of {@code fixpoint.imports.batch-size} records, each in
 * one transaction with the job's progress and its warnings ({@code ImportBatches}), on a
 * writer thread while the next batch is translated ({@code BatchPipeline}: two batches
 * written side by side by default, {@code fixpoint.imports.writers}, committing in the
 * file's order). Two jobs that write into one project never run at once. Bugs are written
 * only through {@link dev.fixpoint.bugs.BugImport}: keyed by source and original id, a
 * re-run updates and never duplicates; imported bugs keep their dates, notify nobody and
 * start no SLA clock. A job whose node stopped (no heartbeat for
 * {@code fixpoint.imports.stale-after}) is claimed again and skips the records its
 * committed batches covered; a cancelled job stops before its next batch.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.imports;
