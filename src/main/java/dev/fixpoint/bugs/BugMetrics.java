package dev.fixpoint.bugs;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import dev.fixpoint.workflow.StatusCategory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts this module's own facts for the metrics endpoint, once their transaction has
 * committed (a rolled-back filing was never filed): {@code fixpoint.bugs.filed} by
 * severity and {@code fixpoint.bugs.status.changes} by the category of the new status.
 * Tags are closed sets (4 severities, 3 categories), registered up front so every series
 * exists from the start; never a project, user or status key, which would grow without
 * bound.
 */
@Component
class BugMetrics {

	private final Map<String, Counter> filed;

	private final Map<String, Counter> statusChanges;

	BugMetrics(MeterRegistry registry) {
		this.filed = Arrays.stream(Severity.values())
			.collect(Collectors.toUnmodifiableMap(Severity::key,
					s -> Counter.builder("fixpoint.bugs.filed")
						.description("Bugs filed")
						.tag("severity", s.key())
						.register(registry)));
		this.statusChanges = Arrays.stream(StatusCategory.values())
			.collect(Collectors.toUnmodifiableMap(StatusCategory::json,
					c -> Counter.builder("fixpoint.bugs.status.changes")
						.description("Status changes of bugs, by the category of the new status")
						.tag("category", c.json())
						.register(registry)));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(BugCreated event) {
		count(this.filed, event.severity());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(BugStatusChanged event) {
		count(this.statusChanges, event.toCategory());
	}

	private static void count(Map<String, Counter> counters, String tag) {
		Counter counter = counters.get(tag);
		if (counter != null) {
			counter.increment();
		}
	}

}
