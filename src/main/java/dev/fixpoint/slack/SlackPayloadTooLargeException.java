package dev.fixpoint.slack;

import java.util.Map;

import dev.fixpoint.platform.LimitExceededException;

/** A request to Slack's endpoints over {@link SlackInbound#MAX_BYTES}: 413. */
public final class SlackPayloadTooLargeException extends LimitExceededException {

	public SlackPayloadTooLargeException() {
		super("A Slack request may be at most 1 MB", Map.of("max_bytes", SlackInbound.MAX_BYTES));
	}

}
