package dev.fixpoint.forge;

import java.time.Instant;
import java.util.UUID;

/**
 * One logged webhook delivery.
 *
 * @param verdict {@code applied}, {@code ignored} (an event Fixpoint does not act on),
 * {@code failed} (can be redelivered), {@code replayed} (a delivery id seen before: no
 * effect), {@code rejected} (signature did not verify: no effect)
 * @param outcome what it did, one line per bug ("WEB-42: linked pull request #12")
 */
public record Delivery(UUID id, String forge, String deliveryId, UUID linkId, String event, String action,
		String repository, String verdict, String outcome, String error, Instant receivedAt, boolean redeliverable) {
}
