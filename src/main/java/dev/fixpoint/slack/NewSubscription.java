package dev.fixpoint.slack;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/projects/{id}/integrations/slack/subscriptions}: a channel (its id,
 * e.g. {@code C0123ABCD}, optionally its name to show) and the filter: events, severities
 * and optionally a query of the search language.
 */
public record NewSubscription(String channelId, String channelName, List<String> events, List<String> severities,
		@Schema(description = "Optional: only bugs matching this query of the search language (at most 1,000 characters; "
				+ "e.g. component:checkout tag:payments priority:P1); checked when saved") String query) {

}
