package dev.fixpoint.platform;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Scrape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} on the application's port: the metrics token reads it, no
 * other credential does (a user's API token or session is not a metrics token).
 */
class MetricsEndpointTest extends IntegrationTest {

	@Test
	void theMetricsTokenReadsJvmPoolTomcatRequestAndBusinessMetrics() {
		this.api.get("/api/me", this.api.newUser("Scraped").token());
		Scrape scrape = Scrape.of(baseUrl());
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.contentType()).startsWith("text/plain");
		assertThat(scrape.sampleNames())
			.contains("jvm_memory_used_bytes", "hikaricp_connections_active", "hikaricp_connections_pending",
					"tomcat_sessions_active_current_sessions", "http_server_requests_seconds_bucket",
					"fixpoint_bugs_filed_total", "fixpoint_search_seconds_bucket", "fixpoint_email_outbox_depth",
					"fixpoint_email_outbox_oldest_age_seconds")
			.as("no long-task timer per request")
			.doesNotContain("http_server_requests_active_seconds_count");
	}

	@Test
	void withoutTheMetricsTokenItIs401ProblemDetails() {
		TestUser user = this.api.newUser("Curious");
		for (String authorization : new String[] { null, "Bearer wrong-token", "Bearer " + user.token(),
				"Bearer " + Scrape.TOKEN + "x", "Basic " + Scrape.TOKEN }) {
			Scrape denied = Scrape.of(baseUrl(), authorization);
			assertThat(denied.status()).as(String.valueOf(authorization)).isEqualTo(401);
			assertThat(denied.contentType()).startsWith("application/problem+json");
			assertThat(denied.text()).doesNotContain("jvm_");
		}
		BrowserSession session = BrowserSession.signedIn(baseUrl(), this.api, user);
		BrowserSession.Page page = session.get("/actuator/prometheus");
		assertThat(page.status()).as("a signed-in session").isEqualTo(401);
		assertThat(page.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void healthStaysOpenToLoadBalancers() {
		assertThat(Scrape.of(baseUrl(), null).status()).isEqualTo(401);
		assertThat(this.api.get("/actuator/health", null).status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
	}

}
