package dev.fixpoint.webhooks;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A webhook to add. {@code secret} left out: one is generated and shown once.
 * {@code filter}: a query in the search language ({@code severity:critical}); only bugs
 * that pass it are sent (release events are not about a bug: the filter does not apply).
 */
public record NewWebhook(@Schema(example = "https://ci.example.com/hooks/fixpoint") String url,
		@Schema(description = NewWebhook.EVENTS,
				example = "[\"bug.created\", \"bug.status_changed\"]") List<String> events,
		String secret, @Schema(description = NewWebhook.FILTER, example = "severity:critical,high") String filter,
		Boolean internalNotes) {

	/**
	 * The catalogue, for the API description (kept equal to {@link WebhookEvent} by a
	 * test).
	 */
	static final String EVENTS = "What to deliver: bug.created, bug.updated, bug.status_changed, bug.assigned, "
			+ "comment.created, attachment.created, sla.threshold_reached, release.created, release.updated, "
			+ "release.released (ping is sent on request)";

	static final String FILTER = "A query in the search language; only bugs passing it are sent. Release events "
			+ "are not about a bug: the filter does not apply to them";

}
