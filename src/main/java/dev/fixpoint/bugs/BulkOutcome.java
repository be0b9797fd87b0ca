package dev.fixpoint.bugs;

import dev.fixpoint.platform.DomainException;

/**
 * What happened to one bug of a bulk change: the saved {@code bug}, or the
 * {@code refusal} a single edit of it would have met (then {@code key} is null and
 * {@code id} is the reference as given).
 */
public record BulkOutcome(String id, String key, Bug bug, DomainException refusal) {

	public boolean refused() {
		return this.refusal != null;
	}

}
