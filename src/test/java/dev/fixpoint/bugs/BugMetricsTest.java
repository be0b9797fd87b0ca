package dev.fixpoint.bugs;

import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Filings and status changes are counted once committed, refusals never. */
class BugMetricsTest extends IntegrationTest {

	@Autowired
	MeterRegistry registry;

	@Test
	void aFilingAndAStatusChangeAreCountedARefusedFilingIsNot() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		double high = filed("high");
		double critical = filed("critical");
		double inProgress = statusChanges("in_progress");

		String bug = this.api.newBug(ann, key, "Counted", "high").get("key").asString();
		assertThat(this.api
			.post("/api/projects/" + key + "/bugs", ann.token(), Map.of("title", "", "severity", "critical"))
			.status()).isEqualTo(400);
		assertThat(this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "in_progress")).status())
			.isEqualTo(200);
		assertThat(this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "closed")).status())
			.as("not allowed by the workflow")
			.isEqualTo(422);

		assertThat(filed("high")).isEqualTo(high + 1);
		assertThat(filed("critical")).isEqualTo(critical);
		assertThat(statusChanges("in_progress")).isEqualTo(inProgress + 1);
	}

	private double filed(String severity) {
		return this.registry.get("fixpoint.bugs.filed").tag("severity", severity).counter().count();
	}

	private double statusChanges(String category) {
		return this.registry.get("fixpoint.bugs.status.changes").tag("category", category).counter().count();
	}

}
