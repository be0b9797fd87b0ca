package dev.fixpoint.search;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every search is timed, in a project or across the caller's projects. */
class SearchMetricsTest extends IntegrationTest {

	@Autowired
	MeterRegistry registry;

	@Test
	void searchesAreTimedByScope() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.newBug(ann, key, "Timed search finds me", "low");
		long inProject = timer("project").count();
		long everywhere = timer("all").count();

		assertThat(this.api.get("/api/projects/" + key + "/search?q=timed", ann.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/search?q=timed", ann.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/search?q=timed%20severity:low", ann.token()).status()).isEqualTo(200);

		assertThat(timer("project").count()).isEqualTo(inProject + 1);
		assertThat(timer("all").count()).isEqualTo(everywhere + 2);
		assertThat(timer("all").takeSnapshot().histogramCounts()).as("a histogram for percentiles").isNotEmpty();
	}

	private Timer timer(String scope) {
		return this.registry.get("fixpoint.search").tag("scope", scope).timer();
	}

}
