package dev.fixpoint.platform;

import dev.fixpoint.support.Scrape;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code MANAGEMENT_SERVER_PORT} set and no metrics token: the actuator answers on its
 * own port without a token, and the application's port serves no metrics at all. Its own
 * context and database (closed afterwards), as the port is fixed at start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "fixpoint.metrics.token=" })
@ActiveProfiles("test")
@DirtiesContext
class ManagementPortTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void theManagementPortServesMetricsWithoutATokenAndTheAppPortServesNone() {
		Scrape management = Scrape.of("http://localhost:" + this.managementPort, null);
		assertThat(management.status()).isEqualTo(200);
		assertThat(management.sampleNames()).contains("jvm_memory_used_bytes", "hikaricp_connections_active",
				"fixpoint_bugs_filed_total");

		// on the application's port the path is just a page that does not exist: to the
		// login like any page, whatever token comes along
		String app = "http://localhost:" + this.port;
		for (String authorization : new String[] { null, "Bearer " + Scrape.TOKEN }) {
			Scrape none = Scrape.of(app, authorization);
			assertThat(none.status()).isEqualTo(302);
			assertThat(none.text()).doesNotContain("jvm_");
		}
	}

}
