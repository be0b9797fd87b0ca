package dev.fixpoint.webhooks;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With private targets refused (the default; the other tests allow them): a webhook to
 * loopback, the cloud metadata address or a private network is never connected to, and
 * its delivery is logged as refused.
 */
@TestPropertySource(properties = "fixpoint.webhook.allow-private=false")
class WebhookSsrfTest extends IntegrationTest {

	@Test
	void internalTargetsAreRefusedAfterResolvingAndNeverContacted() throws Exception {
		try (Receiver receiver = new Receiver()) {
			TestUser admin = this.api.newUser("Ssrf");
			String project = this.api.newProject(admin).get("key").asString();
			List<String> urls = List.of(receiver.url(), "http://localhost:" + receiver.port() + "/hook",
					"http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook",
					"http://[::1]:" + receiver.port() + "/hook");
			for (String url : urls) {
				Api.Response created = this.api.post("/api/projects/" + project + "/webhooks", admin.token(),
						Map.of("url", url, "events", List.of("bug.created")));
				assertThat(created.status()).as(created.raw()).isEqualTo(201);
			}

			this.api.newBug(admin, project, "Anything", "low");

			assertThat(receiver.received()).as("nothing reached the loopback receiver").isEmpty();
			for (JsonNode hook : this.api.get("/api/projects/" + project + "/webhooks", admin.token()).body()) {
				JsonNode delivery = this.api
					.get("/api/webhooks/" + hook.get("id").asString() + "/deliveries", admin.token())
					.body()
					.get("items")
					.get(0);
				assertThat(delivery.get("state").asString()).as(hook.get("url").asString()).isEqualTo("refused");
				assertThat(delivery.get("error").asString()).contains("internal address");
			}
		}
	}

}
