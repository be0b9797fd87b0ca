package dev.fixpoint.webhooks;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A webhook to add. {@code secret} left out: one is generated and shown once.
 * {@code filter}: a query in the search language ({@code severity:critical}); only bugs
 * that pass it are sent.
 */
public record NewWebhook(@Schema(example = "https://ci.example.com/hooks/fixpoint") String url,
		@Schema(example = "[\"bug.created\", \"bug.status_changed\"]") List<String> events, String secret,
		@Schema(example = "severity:critical,high") String filter, Boolean internalNotes) {
}
