package dev.fixpoint.webhooks;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A PATCH of a webhook: fields left out (null) stay; an empty {@code filter} removes it;
 * {@code active: true} enables a disabled webhook again.
 */
public record WebhookChanges(String url, @Schema(description = NewWebhook.EVENTS) List<String> events, String secret,
		@Schema(description = NewWebhook.FILTER) String filter, Boolean internalNotes, Boolean active) {
}
