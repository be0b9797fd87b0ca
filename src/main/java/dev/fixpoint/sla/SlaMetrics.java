package dev.fixpoint.sla;

import java.util.HashMap;
import java.util.Map;

import dev.fixpoint.bugs.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code fixpoint.sla.escalations}: thresholds reached, counted once the escalation
 * committed, by {@code threshold} (50, 75 or 100: 100 is a breach) and severity; 12
 * series, registered up front.
 */
@Component
class SlaMetrics {

	private final Map<String, Counter> escalations = new HashMap<>();

	SlaMetrics(MeterRegistry registry) {
		for (int threshold : SlaClock.THRESHOLDS) {
			for (Severity severity : Severity.values()) {
				this.escalations.put(key(threshold, severity.key()),
						Counter.builder("fixpoint.sla.escalations")
							.description("SLA thresholds reached (threshold 100: breached)")
							.tag("threshold", Integer.toString(threshold))
							.tag("severity", severity.key())
							.register(registry));
			}
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SlaThresholdReached event) {
		Counter counter = this.escalations.get(key(event.percent(), event.severity()));
		if (counter != null) {
			counter.increment();
		}
	}

	private static String key(int threshold, String severity) {
		return threshold + "/" + severity;
	}

}
