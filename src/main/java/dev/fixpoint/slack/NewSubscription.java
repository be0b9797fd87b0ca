package dev.fixpoint.slack;

import java.util.List;

/**
 * {@code POST /api/projects/{id}/integrations/slack/subscriptions}: a channel (its id,
 * e.g. {@code C0123ABCD}, optionally its name to show) and the filter.
 */
public record NewSubscription(String channelId, String channelName, List<String> events, List<String> severities) {
}
