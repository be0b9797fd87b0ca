package dev.fixpoint.attachments;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment settings, bound from {@code fixpoint.attachments.*} (environment names in
 * application.yml and the README).
 *
 * @param maxSize largest file accepted ({@code FIXPOINT_ATTACHMENT_MAX_SIZE})
 * @param quota storage per organization, originals and thumbnails
 * ({@code FIXPOINT_ATTACHMENT_QUOTA})
 * @param urlTtl lifetime of signed download URLs ({@code FIXPOINT_ATTACHMENT_URL_TTL})
 * @param signingKey HMAC key of download URLs; empty: one is generated once and kept in
 * the database
 * @param localDir directory of the filesystem store; empty:
 * {@code <FIXPOINT_DATA_DIR>/attachments}
 * @param s3 an S3-compatible store, used when its bucket is set
 * @param clamav a clamd to scan uploads with, used when its host is set
 * @param orphanGrace how old an unreferenced stored object must be before the sweep
 * deletes it
 */
@ConfigurationProperties("fixpoint.attachments")
public record AttachmentProperties(@DefaultValue("25MB") DataSize maxSize, @DefaultValue("10GB") DataSize quota,
		@DefaultValue("15m") Duration urlTtl, String signingKey, Path localDir, @DefaultValue S3 s3,
		@DefaultValue ClamAv clamav, @DefaultValue("1h") Duration orphanGrace) {

	public record S3(String endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
			String secretKey, @DefaultValue("false") boolean pathStyle) {

		public boolean enabled() {
			return this.bucket != null && !this.bucket.isBlank();
		}

	}

	public record ClamAv(String host, @DefaultValue("3310") int port, @DefaultValue("30s") Duration timeout) {

		public boolean enabled() {
			return this.host != null && !this.host.isBlank();
		}

	}

}
