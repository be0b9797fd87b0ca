package dev.fixpoint.webhooks;

import java.util.UUID;

/**
 * A delivery was written and waits to be sent: the sender's outbox event (consumer
 * {@code webhook-sender}), ordered per {@code orderKey} (one webhook and one bug), so a
 * bug's deliveries to one receiver arrive in order and a failing receiver holds back only
 * its own.
 */
public record WebhookDeliveryDue(UUID deliveryId, UUID webhookId, UUID orderKey) {
}
