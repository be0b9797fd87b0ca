package dev.fixpoint.webhooks;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One delivery of the log (kept 30 days): what was sent and how the last attempt went.
 *
 * @param id the {@code X-Fixpoint-Delivery} header, the same on every attempt
 * @param state {@code pending} (sending or waiting for a retry), {@code delivered} (a 2xx
 * answer), {@code failed} (another answer, or still failing after a day), {@code refused}
 * (the address is not allowed), {@code skipped} (the webhook was disabled before it went
 * out)
 * @param requestBody the JSON body exactly as sent and signed
 */
public record WebhookDelivery(UUID id, UUID webhookId, String event, UUID bugId, @Schema(allowableValues = {
		"pending", "delivered", "failed", "refused", "skipped" }) String state, int attempts, Integer statusCode,
		String error, Integer durationMs, String responseExcerpt, String requestBody, UUID redeliveryOf,
		Instant createdAt, Instant lastAttemptAt){
}
