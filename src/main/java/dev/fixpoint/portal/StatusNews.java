package dev.fixpoint.portal;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Records that an entry's confirmed subscribers, and on a publication or a change of
 * public status the status page's, should hear about the entry: one pending row per
 * subscription in {@code status_updates}, in the caller's transaction.
 * {@link StatusDigests} turns an address's pending rows into one email once
 * {@code fixpoint.status.digest-window} after the first passed.
 */
@Component
class StatusNews {

	private final StatusUpdateRepository updates;

	StatusNews(StatusUpdateRepository updates) {
		this.updates = updates;
	}

	/**
	 * @param pageToo also the page's subscribers (published, or its public status
	 * changed), not only the entry's (its wording changed)
	 * @param at when it changed (the window counts from the first change)
	 */
	void tell(StatusRepository.EntryRow entry, boolean pageToo, Instant at) {
		this.updates.add(entry, pageToo, at);
	}

}
