package dev.fixpoint.slack;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A Slack channel subscribed to a project's bugs.
 *
 * @param events what it hears about: {@code bug.created}, {@code bug.resolved},
 * {@code bug.status_changed}, {@code bug.assigned}, {@code sla.breached}
 * @param severities only bugs of these severities; empty: all
 * @param query only bugs matching this query of the search language; null: all
 */
public record ChannelSubscription(UUID id, UUID projectId, String channelId, String channelName, List<String> events,
		List<String> severities,
		@Schema(description = "Only bugs matching this query of the search language (e.g. component:checkout tag:payments priority:P1); null: every bug") String query,
		Instant createdAt) {

	/** The events a subscription may name. */
	public static final Set<String> EVENTS = Set.of("bug.created", "bug.resolved", "bug.status_changed", "bug.assigned",
			"sla.breached");

	/** Whether it wants the event for a bug of this severity (its query aside). */
	boolean wants(String event, String severity) {
		return this.events.contains(event) && (this.severities.isEmpty() || this.severities.contains(severity));
	}

}
