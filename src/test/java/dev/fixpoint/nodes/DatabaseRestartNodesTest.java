package dev.fixpoint.nodes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.Nodes;
import dev.fixpoint.support.Nodes.Node;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted under load: while it is gone requests are answered 503 (problem
 * details for the API, a page for the UI) instead of hanging or failing with 500, nothing
 * reports a success that was not stored, and once it is back the node works again without
 * a restart, live updates included.
 */
class DatabaseRestartNodesTest {

	/**
	 * A request that takes longer than this hangs, as far as the test is concerned (the
	 * pool gives up after a few seconds).
	 */
	private static final Duration HANGING = Duration.ofSeconds(20);

	private final JsonMapper json = JsonMapper.builder().build();

	/** One answered request of the load. */
	record Answer(String kind, int status, String contentType, String retryAfter, long millis) {
	}

	@Test
	void theAppAnswers503DuringAnOutageAndRecoversByItself() throws Exception {
		try (Nodes nodes = Nodes.create("database-restart")) {
			Node node = nodes.start();
			Api api = new Api(node.baseUrl(), this.json);
			TestUser admin = api.newUser("Admin");
			TestUser dev = api.newUser("Dev");
			String project = api.newProject(admin).get("key").asString();
			api.addMember(admin, project, dev, "developer");
			String bug = api.newBug(admin, project, "Survives the outage", "high").get("key").asString();
			BrowserSession browser = BrowserSession.signedIn(node.baseUrl(), api, dev);
			HttpResponse<Stream<String>> stream = browser.openStream("/notifications/stream");

			try (Stream<String> lines = stream.body()) {
				Iterator<String> events = lines.iterator();
				assertThat(SseEvents.next(events, this.json).get("count").asInt()).isZero();

				List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
				Set<String> acknowledged = ConcurrentHashMap.newKeySet();
				AtomicBoolean stop = new AtomicBoolean();
				ExecutorService pool = Executors.newFixedThreadPool(4);
				List<Future<?>> load = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					load.add(pool.submit(() -> load(node, admin, project, answers, acknowledged, stop)));
				}
				TwoNodesTest.await(() -> acknowledged.size() >= 10);

				nodes.stopDatabase();
				int before = answers.size();
				TwoNodesTest.await(() -> count(answers, before, 503) >= 20);
				BrowserSession.Page page = browser.get("/projects");
				nodes.startDatabase();
				TwoNodesTest.await(() -> api.get("/api/bugs/" + bug, admin.token()).status() == 200);
				int recovered = answers.size();
				TwoNodesTest.await(() -> count(answers, recovered, 201) >= 10);
				stop.set(true);
				for (Future<?> f : load) {
					f.get();
				}
				pool.shutdown();

				assertThat(page.status()).isEqualTo(503);
				assertThat(page.header("content-type")).startsWith("text/html");
				assertThat(page.text()).contains("temporarily unavailable").doesNotContain("Exception");
				List<Answer> unavailable = answers.stream().filter(a -> a.status() == 503).toList();
				assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 201, 503));
				assertThat(unavailable).allSatisfy(a -> {
					assertThat(a.contentType()).isEqualTo("application/problem+json");
					assertThat(a.retryAfter()).isNotNull();
				});
				for (String key : acknowledged) {
					assertThat(api.get("/api/bugs/" + key, admin.token()).status()).as(key).isEqualTo(200);
				}

				// the listener reconnected: a change after the outage reaches the stream
				// opened before it
				assertThat(api.patch("/api/bugs/" + bug, admin.token(), Map.of("assignee_id", dev.id().toString()))
					.status()).isEqualTo(200);
				JsonNode event = SseEvents.next(events, this.json);
				while (event.get("count").asInt() == 0) {
					event = SseEvents.next(events, this.json); // the refresh after
																// reconnecting
				}
				assertThat(event.get("count").asInt()).isEqualTo(1);

				long[] millis = unavailable.stream().mapToLong(Answer::millis).sorted().toArray();
				System.out.printf(
						"[database-restart] %d requests, %d answered 503 during the outage "
								+ "(median %d ms, max %d ms), %d bugs acknowledged, all present%n",
						answers.size(), millis.length, millis[millis.length / 2], millis[millis.length - 1],
						acknowledged.size());
			}
		}
	}

	/**
	 * Answers with this status from index {@code from} on, under the list's own lock (a
	 * sublist of a synchronized list has a lock of its own, so the load threads kept
	 * adding while it was streamed: ConcurrentModificationException).
	 */
	private static long count(List<Answer> answers, int from, int status) {
		synchronized (answers) {
			return answers.subList(from, answers.size()).stream().filter(a -> a.status() == status).count();
		}
	}

	/** Files and reads bugs until told to stop; records every answer. */
	private void load(Node node, TestUser admin, String project, List<Answer> answers, Set<String> acknowledged,
			AtomicBoolean stop) {
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; !stop.get(); i++) {
			boolean write = i % 2 == 0;
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(node.baseUrl() + "/api/projects/" + project + "/bugs"))
				.timeout(HANGING)
				.header("Authorization", "Bearer " + admin.token());
			if (write) {
				request.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString(this.json.writeValueAsString(Map.of("title", "Under load " + i, "severity", "low"))));
			}
			long started = System.nanoTime();
			try {
				HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
				answers.add(new Answer(write ? "file" : "list", r.statusCode(),
						r.headers().firstValue("content-type").orElse(null),
						r.headers().firstValue("retry-after").orElse(null), millis));
				if (r.statusCode() == 201) {
					acknowledged.add(this.json.readTree(r.body()).get("key").asString());
				}
			}
			catch (java.net.http.HttpTimeoutException ex) {
				answers.add(new Answer(write ? "file" : "list", -1, null, null, HANGING.toMillis()));
			}
			catch (java.io.IOException ex) {
				answers.add(new Answer(write ? "file" : "list", -2, null, null, 0));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
