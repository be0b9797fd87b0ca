/**
 * Attachments of bugs and comments: streaming uploads checked by content (Apache Tika)
 * against a per-project allow-list, optional ClamAV scanning, storage on the local
 * filesystem or an S3-compatible store, thumbnails, annotated copies, signed expiring
 * download URLs, quotas per organization, retention and orphan cleanup.
 * <p>
 * Owns the tables {@code attachments}, {@code attachment_settings},
 * {@code attachment_purges}, {@code attachment_signing_key} and the stored bytes. Public
 * API: {@link dev.fixpoint.attachments.Attachments} (upload to a bug, a comment or as an
 * annotated copy; list, get, delete, signed URLs),
 * {@link dev.fixpoint.attachments.AttachmentContent} (the bytes behind a signed URL,
 * pages of lines of text and logs), {@link dev.fixpoint.attachments.AttachmentAdmin}
 * (per-project allowed types and retention; status: scanning, backend, quota use),
 * {@link dev.fixpoint.attachments.ContentSniffing} (a file's type by its bytes, for
 * modules keeping a small file of their own: the portal's logos) and their records
 * ({@code Attachment}, {@code PreviewKind}, {@code Variant}, {@code TextLines},
 * {@code AttachmentSettings}, {@code AttachmentStatus}). Reads bugs and comments only
 * through {@code BugQueries} and {@code Comments} (a comment's attachments follow the
 * comment's visibility). Publishes and listens to no events.
 * <p>
 * Rules: an upload streams in one pass with no transaction open: the size limit counted
 * while reading, Tika's detection of the head (the name must not claim another type; the
 * project's allow-list), {@code storage.ObjectStorage} ({@code LocalFileStorage} under
 * {@code FIXPOINT_DATA_DIR/attachments} or {@code S3Storage}; keys are random UUIDs)
 * while teeing to clamd {@code INSTREAM} when configured, a thumbnail (subsampled
 * decode), then the row, written under a per-organization advisory lock that enforces the
 * quota. {@code web.UploadSizeFilter} refuses a declared oversize body with 413 before
 * Spring Security reads it. Downloads go only through
 * {@code /api/attachments/{id}/content} and {@code .../thumbnail} with {@code expires}
 * and {@code signature} (HMAC-SHA256 over id, variant and expiry; their own stateless
 * filter chain, no token), with nosniff, a sandboxing CSP and {@code attachment}
 * disposition for anything not previewable. A trigger queues the objects of every deleted
 * row (bug and project cascades too) in {@code attachment_purges}.
 * {@code Attachments.delete} removes them right after commit;
 * {@code AttachmentHousekeeping} (scheduled; {@code skip locked} plus an advisory lock,
 * safe on several nodes) purges the rest, applies retention (after
 * {@code bugs.closed_at}) and sweeps unreferenced objects (and partial files) older than
 * an hour.
 * <p>
 * Store faults: the object is written before its row, so a row never points at nothing.
 * The stores tell their own failures ({@code storage.StoreFailure}: full, or unavailable)
 * from the upload's; the pipeline answers {@code StorageFullException} (507) or
 * {@code StorageUnavailableException} (503, {@code Retry-After}) and removes what it
 * stored. A failed commit whose outcome is unknown leaves the objects to the sweep, which
 * deletes them only once no row refers to them.
 * <p>
 * In the browser ({@code web}, {@code src/main/jte/attachments}, ES modules in
 * {@code static/js/attachments/} without a build step: {@code main.js} wires
 * {@code input.js} (drop, paste, picker, {@code u}), {@code upload.js} and
 * {@code rows.js} (one {@code XMLHttpRequest} per file for its progress bar),
 * {@code pending.js} (files waiting for a bug or comment), {@code new-bug.js},
 * {@code comment-files.js}, {@code panel.js} ({@code htmx.swap} of new items),
 * {@code lightbox.js}, {@code annotate.js} → {@code editor.js} + {@code shapes.js}): the
 * bug page loads the panel by URL ({@code hx-get="/bugs/{KEY}/attachments"}; a link to
 * the same panel as a page without JavaScript). Uploads go to {@code POST
 * /bugs/{KEY}/attachments} (part {@code file}, optional {@code comment_id} and
 * {@code annotation_of}; session and CSRF), one file per request with a progress bar, or
 * from the plain form (PRG); dropping anywhere on the bug page, pasting, the picker and
 * {@code u} all end there. Files for a comment wait in its form and upload with the
 * {@code comment_id} the bug page names in its {@code HX-Trigger: commentAdded} answer.
 * Logs are read 200 lines a request. The annotation editor draws on a canvas with Pointer
 * Events; blur and redaction change the exported pixels, and the PNG is uploaded as a new
 * attachment with {@code annotation_of}, so the original stays. Every rule stays in
 * {@code Attachments}.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.attachments;
