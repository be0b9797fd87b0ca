package dev.fixpoint.forge;

import java.util.Map;

import dev.fixpoint.platform.LimitExceededException;

/** A webhook body over {@link Webhooks#MAX_BYTES}: 413. */
public final class PayloadTooLargeException extends LimitExceededException {

	public PayloadTooLargeException() {
		super("A webhook delivery may be at most 25 MB", Map.of("max_bytes", Webhooks.MAX_BYTES));
	}

}
