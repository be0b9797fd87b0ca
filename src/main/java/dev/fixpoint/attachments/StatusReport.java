package dev.fixpoint.attachments;

import java.util.UUID;

import dev.fixpoint.attachments.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/** What is configured, and how much of the quota an organization uses. */
@Component
class StatusReport {

	private final ClamAvScanner scanner;

	private final ObjectStorage storage;

	private final AttachmentProperties properties;

	private final AttachmentRepository attachments;

	StatusReport(ClamAvScanner scanner, ObjectStorage storage, AttachmentProperties properties,
			AttachmentRepository attachments) {
		this.scanner = scanner;
		this.storage = storage;
		this.properties = properties;
		this.attachments = attachments;
	}

	AttachmentStatus of(UUID orgId) {
		AttachmentRepository.Usage usage = this.attachments.usage(orgId);
		return new AttachmentStatus(this.scanner.enabled(), this.storage.backend(), this.properties.maxSize().toBytes(),
				this.properties.quota().toBytes(), usage.bytes(), usage.count(), this.properties.urlTtl());
	}

}
