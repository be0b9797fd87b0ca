package dev.fixpoint.notifications;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code fixpoint.notifications.recipients}: how many people each fact about a bug
 * reached (in-app notifications written), by kind of fact; recorded inside the change's
 * transaction, as delivered. Five series, registered up front.
 */
@Component
class NotificationMetrics {

	private final Map<NotificationKind, DistributionSummary> recipients = new EnumMap<>(NotificationKind.class);

	NotificationMetrics(MeterRegistry registry) {
		for (NotificationKind kind : NotificationKind.values()) {
			this.recipients.put(kind,
					DistributionSummary.builder("fixpoint.notifications.recipients")
						.description("Recipients of each notified fact (notification fan-out)")
						.tag("kind", kind.key())
						.serviceLevelObjectives(1, 2, 5, 10, 25, 50, 100)
						.register(registry));
		}
	}

	void delivered(NotificationKind kind, int recipients) {
		this.recipients.get(kind).record(recipients);
	}

}
