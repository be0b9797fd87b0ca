package dev.fixpoint.notifications;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live unread count over real HTTP: Server-Sent Events fed by PostgreSQL
 * LISTEN/NOTIFY after commit.
 */
class NotificationStreamTest extends IntegrationTest {

	@Test
	void anSseClientGetsTheNewCountWhenSomeoneElseAssignsABug() throws Exception {
		TestUser admin = this.api.newUser("Admin");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(admin).get("key").asString();
		this.api.addMember(admin, key, dev, "developer");
		String bug = this.api.newBug(admin, key, "Live count", "high").get("key").asString();

		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, dev);
		HttpResponse<Stream<String>> stream = browser.openStream("/notifications/stream");
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
		try (Stream<String> lines = stream.body()) {
			Iterator<String> events = lines.iterator();
			JsonNode first = nextEvent(events);
			assertThat(first.get("count").asInt()).isZero();

			assertThat(this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("assignee_id", dev.id().toString()))
				.status()).isEqualTo(200);

			JsonNode second = nextEvent(events);
			assertThat(second.get("count").asInt()).isEqualTo(1);
			assertThat(second.get("toast").get("text").asString()).contains("assigned " + bug + " to you");
			assertThat(second.get("toast").get("url").asString()).isEqualTo("/bugs/" + bug);

			this.api.post("/api/notifications/read", dev.token(), Map.of("all", true));
			JsonNode third = nextEvent(events);
			assertThat(third.get("count").asInt()).isZero();
			assertThat(third.get("toast").isNull()).isTrue();
		}
	}

	@Test
	void theStreamNeedsASignedInBrowser() {
		BrowserSession anonymous = BrowserSession.anonymous(baseUrl(), this.api);
		assertThat(anonymous.get("/notifications/stream").status()).isEqualTo(302);
	}

	/** The data of the next {@code unread} event (keep-alive comments are skipped). */
	private JsonNode nextEvent(Iterator<String> lines) throws Exception {
		CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
			String event = null;
			while (lines.hasNext()) {
				String line = lines.next();
				if (line.startsWith("event:")) {
					event = line.substring(6).trim();
				}
				else if (line.startsWith("data:") && "unread".equals(event)) {
					return line.substring(5).trim();
				}
			}
			throw new IllegalStateException("stream ended");
		});
		// a generous bound so a broken stream fails the test instead of hanging the
		// build; not a timing assertion
		return this.json.readTree(data.get(60, TimeUnit.SECONDS));
	}

}
