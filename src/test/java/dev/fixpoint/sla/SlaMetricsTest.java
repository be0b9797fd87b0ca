package dev.fixpoint.sla;

import java.time.Duration;
import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Each threshold an escalation run reaches is counted, a breach as threshold 100. */
class SlaMetricsTest extends IntegrationTest {

	@Autowired
	SlaEscalations escalations;

	@Autowired
	MeterRegistry registry;

	@Test
	void thresholdsReachedAreCountedByThresholdAndSeverity() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String bug = this.api.newBug(ann, key, "Payments fail", "critical").get("key").asString();
		this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("assignee_id", ann.id().toString()));
		long before = this.events.ofType(SlaThresholdReached.class).size();
		double breaches = count("100", "critical");
		double counted = total();

		this.clock.advance(Duration.ofHours(5)); // past a critical bug's 4 h
		this.escalations.escalate(this.clock.instant());

		long reached = this.events.ofType(SlaThresholdReached.class).size() - before;
		assertThat(reached).isGreaterThanOrEqualTo(3);
		assertThat(total() - counted).as("one count per threshold reached").isEqualTo(reached);
		assertThat(count("100", "critical")).isGreaterThanOrEqualTo(breaches + 1);
	}

	private double count(String threshold, String severity) {
		return this.registry.get("fixpoint.sla.escalations")
			.tag("threshold", threshold)
			.tag("severity", severity)
			.counter()
			.count();
	}

	private double total() {
		return this.registry.get("fixpoint.sla.escalations")
			.counters()
			.stream()
			.mapToDouble(io.micrometer.core.instrument.Counter::count)
			.sum();
	}

}
