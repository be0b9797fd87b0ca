package dev.fixpoint.notifications;

import java.time.Duration;
import java.util.Map;

import dev.fixpoint.platform.Times;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out of each notified fact, and the email outbox's depth and age (gauges read
 * from a snapshot kept for a few seconds: the test moves the clock past it).
 */
class NotificationMetricsTest extends IntegrationTest {

	@Autowired
	MeterRegistry registry;

	@Autowired
	EmailComposer composer;

	@Test
	void anAssignmentReachesOneRecipientAndItsEmailWaitsInTheOutbox() {
		TestUser admin = this.api.newUser("Admin");
		TestUser dev = this.api.newUser("Dev");
		assertThat(this.api
			.put("/api/me/notification-preferences", dev.token(), Map.of("email", Map.of("assigned", "instant")))
			.status()).isEqualTo(200);
		String key = this.api.newProject(admin).get("key").asString();
		this.api.addMember(admin, key, dev, "developer");
		long facts = assigned().count();
		double recipients = assigned().totalAmount();
		double depth = outbox("depth");

		String bug = this.api.newBug(admin, key, "Counted fan-out", "low").get("key").asString();
		this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("assignee_id", dev.id().toString()));
		assertThat(assigned().count()).isEqualTo(facts + 1);
		assertThat(assigned().totalAmount()).isEqualTo(recipients + 1);

		this.composer.composeDue(Times.now(this.clock).plus(Duration.ofMinutes(3)));
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(outbox("depth")).isGreaterThan(depth);
		assertThat(outbox("oldest.age")).as("composed 3 minutes ahead, read 10 minutes later")
			.isGreaterThanOrEqualTo(7 * 60);
	}

	private DistributionSummary assigned() {
		return this.registry.get("fixpoint.notifications.recipients").tag("kind", "assigned").summary();
	}

	private double outbox(String gauge) {
		return this.registry.get("fixpoint.email.outbox." + gauge).gauge().value();
	}

}
