/**
 * Attachments of bugs and comments: streaming uploads checked by content (Apache Tika) against a per-project
 * allow-list, optional ClamAV scanning, storage on the local filesystem or an S3-compatible store, thumbnails,
 * annotated copies, signed expiring download URLs, quotas per organization, retention and orphan cleanup.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.attachments;
