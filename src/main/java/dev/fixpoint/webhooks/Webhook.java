package dev.fixpoint.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A webhook as the API shows it to the project's admins. The secret is write-only: it
 * appears once, in the answer that generated it ({@code secret} null otherwise).
 *
 * @param active false once disabled (by an admin, or after failing for a day:
 * {@code disabledReason} says why)
 */
public record Webhook(UUID id, UUID projectId, String url, List<String> events, String filter, @Schema(
		description = "comment.created (and attachments of comments) also for internal notes") boolean internalNotes,
		boolean active, String disabledReason, UUID ownerId, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
				description = "The generated secret, only in the answer that created it; store it now") String secret) {

	Webhook withSecret(String generated) {
		return new Webhook(this.id, this.projectId, this.url, this.events, this.filter, this.internalNotes, this.active,
				this.disabledReason, this.ownerId, this.createdAt, this.updatedAt, generated);
	}

}
