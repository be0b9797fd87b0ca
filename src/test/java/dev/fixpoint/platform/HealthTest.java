package dev.fixpoint.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.fixpoint.support.IntegrationTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operations see: health up while the database is, whatever the SMTP server does;
 * which observations feed the metrics.
 */
class HealthTest extends IntegrationTest {

	@Autowired
	HealthContributorRegistry health;

	@Autowired
	ObservationRegistry observations;

	@Test
	void healthIsUpAndDoesNotDependOnTheMailServer() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("Exception");
		// an unreachable SMTP server used to turn the whole app DOWN (the email outbox
		// retries by itself)
		assertThat(this.health.getContributor("mail")).isNull();
		assertThat(this.health.getContributor("db")).isNotNull();
	}

	@Test
	void requestsAreObservedButNotEachSecurityFilter() {
		// observing each security filter cost ~20% of a request's CPU and nothing reads
		// it; requests feed http_server_requests_seconds (cost: bench/README.md)
		assertThat(Observation.start("spring.security.filterchains", this.observations).isNoop()).isTrue();
		assertThat(Observation.start("http.server.requests", this.observations).isNoop()).isFalse();
	}

}
