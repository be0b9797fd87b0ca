package dev.fixpoint.attachments;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.fixpoint.attachments.storage.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes stored objects whose rows are gone. A trigger queues the keys of every deleted
 * attachment row (also when a bug or project delete cascades), so the bytes go only once
 * the delete has committed, and a failed removal is retried by the sweep. Rows are taken
 * with {@code for update skip locked}: several nodes never fight over one key. Nothing is
 * removed while a backup copies the objects ({@link StoredObjects#pausePurges}).
 */
@Component
class Purges {

	private static final Logger log = LoggerFactory.getLogger(Purges.class);

	private final AttachmentRepository attachments;

	private final ObjectStorage storage;

	private final TransactionTemplate transactions;

	Purges(AttachmentRepository attachments, ObjectStorage storage, PlatformTransactionManager transactions) {
		this.attachments = attachments;
		this.storage = storage;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Removes these keys' objects right after the current transaction commits. */
	void afterCommit(Collection<String> keys) {
		List<String> copy = List.copyOf(keys);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				purge(copy);
			}
		});
	}

	void purge(Collection<String> keys) {
		this.transactions.executeWithoutResult(status -> {
			if (this.attachments.tryHoldPurges()) {
				remove(this.attachments.lockPurges(keys));
			}
		});
	}

	/** Works through the queue in batches; returns how many objects were removed. */
	int purgeQueued() {
		int total = 0;
		while (true) {
			Integer removed = this.transactions
				.execute(status -> this.attachments.tryHoldPurges() ? remove(this.attachments.lockPurges(100)) : 0);
			if (removed == null || removed == 0) {
				return total;
			}
			total += removed;
		}
	}

	private int remove(List<String> keys) {
		List<String> done = new ArrayList<>();
		for (String key : keys) {
			try {
				this.storage.delete(key);
				done.add(key);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not remove a stored object yet ({}); will retry", ex.getClass().getSimpleName());
			}
		}
		this.attachments.deletePurges(done);
		return done.size();
	}

}
