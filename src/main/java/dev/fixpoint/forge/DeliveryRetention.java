package dev.fixpoint.forge;

import java.time.Clock;
import java.time.Duration;

import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes webhook deliveries older than 30 days, every hour. */
@Component
class DeliveryRetention {

	static final Duration KEPT = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

	private final DeliveryRepository deliveries;

	private final Clock clock;

	DeliveryRetention(DeliveryRepository deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fixpoint.forge.delivery-retention-interval:PT1H}",
			initialDelayString = "${fixpoint.forge.delivery-retention-initial-delay:PT7M}")
	@Transactional
	void deleteOld() {
		int deleted = this.deliveries.deleteReceivedBefore(Times.now(this.clock).minus(KEPT));
		if (deleted > 0) {
			log.info("Deleted {} webhook deliveries older than 30 days", deleted);
		}
	}

}
