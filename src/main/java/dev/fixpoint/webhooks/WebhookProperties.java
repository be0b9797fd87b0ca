package dev.fixpoint.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent, bound from {@code fixpoint.webhook.*}.
 *
 * @param allowPrivate send to loopback, private, link-local and other internal addresses
 * too ({@code FIXPOINT_WEBHOOK_ALLOW_PRIVATE}, for on-premises receivers); refused by
 * default
 * @param connectTimeout at most this long to connect
 * @param timeout at most this long for a whole attempt (connect, send, answer)
 * @param retryFor how long a failing delivery is retried before the webhook is disabled
 * @param keepDeliveries how long the delivery log is kept
 */
@ConfigurationProperties("fixpoint.webhook")
record WebhookProperties(@DefaultValue("false") boolean allowPrivate, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration timeout, @DefaultValue("24h") Duration retryFor,
		@DefaultValue("30d") Duration keepDeliveries) {
}
