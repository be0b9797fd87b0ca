package dev.fixpoint.attachments;

import java.util.UUID;

import dev.fixpoint.attachments.AttachmentRepository.AttachmentRow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The size limit per file and the storage quota per organization. The quota is checked
 * twice: early with the declared size (refuse before reading), and authoritatively when
 * the row is written, under an advisory lock per organization so parallel uploads cannot
 * overshoot it together.
 */
@Component
class Limits {

	private final AttachmentProperties properties;

	private final AttachmentRepository attachments;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	Limits(AttachmentProperties properties, AttachmentRepository attachments, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.properties = properties;
		this.attachments = attachments;
		this.transactions = new TransactionTemplate(transactions);
		this.events = events;
	}

	long maxFileSize() {
		return this.properties.maxSize().toBytes();
	}

	long quota() {
		return this.properties.quota().toBytes();
	}

	/** Refuses early what cannot fit; {@code declaredSize} -1 (unknown) passes. */
	void precheck(UUID orgId, long declaredSize) {
		if (declaredSize > maxFileSize()) {
			throw TooLargeException.file(maxFileSize());
		}
		if (declaredSize > 0) {
			long used = this.attachments.usage(orgId).bytes();
			if (used + declaredSize > quota()) {
				throw TooLargeException.quota(quota(), used);
			}
		}
	}

	/**
	 * Writes the row if the quota has room. A failure before the insert went through
	 * rolled everything back: thrown as is. A failure after it (the commit) leaves the
	 * outcome unknown: if the row is there the commit went through and this returns;
	 * otherwise {@link UnsettledInsert} tells the caller not to remove the objects now (a
	 * late commit would point at nothing), the orphan sweep will once no row refers to
	 * them.
	 */
	void insertWithinQuota(AttachmentRow row) {
		boolean[] inserted = { false };
		try {
			this.transactions.executeWithoutResult(status -> {
				this.attachments.lockOrganization(row.orgId());
				long used = this.attachments.usage(row.orgId()).bytes();
				if (used + row.fileSize() + row.thumbnailSize() > quota()) {
					throw TooLargeException.quota(quota(), used);
				}
				this.attachments.insert(row);
				this.events.publishEvent(new AttachmentAdded(row.id(), row.bugId(), row.projectId(), row.commentId(),
						row.uploadedBy(), row.filename(), row.mimeType(), row.fileSize()));
				inserted[0] = true;
			});
		}
		catch (RuntimeException ex) {
			if (!inserted[0]) {
				throw ex;
			}
			if (!committedAnyway(row)) {
				throw new UnsettledInsert(ex);
			}
		}
	}

	private boolean committedAnyway(AttachmentRow row) {
		try {
			return this.attachments.find(row.id()).isPresent();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The row's commit failed without saying whether it went through: its objects stay
	 * for the sweep. {@link #getCause()} is the failure.
	 */
	static final class UnsettledInsert extends RuntimeException {

		UnsettledInsert(RuntimeException cause) {
			super("The attachment row's commit failed; its objects are left to the orphan sweep", cause);
		}

	}

}
