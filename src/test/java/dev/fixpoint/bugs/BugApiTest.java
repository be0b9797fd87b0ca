package dev.fixpoint.bugs;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BugApiTest extends IntegrationTest {

	@Test
	void reportedBugGetsNextKeyAndDefaults() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		Api.Response created = this.api.post("/api/projects/" + key + "/bugs", ann.token(),
				Api.body("title", "  Checkout fails  ", "severity", "critical", "tags", java.util.List.of("Checkout"),
						"environment", Map.of("os", "Linux", "browser", "Firefox 140", "locale", "de-DE")));
		assertThat(created.status()).isEqualTo(201);
		JsonNode bug = created.body();
		assertThat(bug.get("key").asString()).isEqualTo(key + "-1");
		assertThat(bug.get("title").asString()).isEqualTo("Checkout fails");
		assertThat(bug.get("status").asString()).isEqualTo("open");
		assertThat(bug.get("priority").asString()).isEqualTo("P2");
		assertThat(bug.get("tags").get(0).asString()).isEqualTo("checkout");
		assertThat(bug.get("environment").get("locale").asString()).isEqualTo("de-DE");
		assertThat(created.header("Location")).isEqualTo("/api/bugs/" + key + "-1");
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
	}

}
