package dev.fixpoint.webhooks;

import java.time.Clock;

import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the delivery log to {@code keep-deliveries} (30 days): hourly, finished ones. */
@Component
class WebhookRetention {

	private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);

	private final DeliveryRepository deliveries;

	private final WebhookProperties properties;

	private final Clock clock;

	WebhookRetention(DeliveryRepository deliveries, WebhookProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fixpoint.webhook.retention-interval:PT1H}",
			initialDelayString = "${fixpoint.webhook.retention-initial-delay:PT10M}")
	@Transactional
	public int deleteOld() {
		int deleted = this.deliveries
			.deleteFinishedBefore(Times.now(this.clock).minus(this.properties.keepDeliveries()));
		if (deleted > 0) {
			log.info("Deleted {} webhook deliveries older than {}", deleted, this.properties.keepDeliveries());
		}
		return deleted;
	}

}
