package dev.fixpoint.webhooks;

import java.util.List;

/**
 * A PATCH of a webhook: fields left out (null) stay; an empty {@code filter} removes it;
 * {@code active: true} enables a disabled webhook again.
 */
public record WebhookChanges(String url, List<String> events, String secret, String filter, Boolean internalNotes,
		Boolean active) {
}
