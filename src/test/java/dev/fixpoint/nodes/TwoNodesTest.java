package dev.fixpoint.nodes;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.Nodes;
import dev.fixpoint.support.Nodes.Node;
import dev.fixpoint.support.SseLines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real Fixpoint processes on one PostgreSQL, as behind a load balancer without sticky
 * sessions: a session and a change made on one node are seen on the other, every
 * scheduled job's effect happens exactly once, and killing a node loses nothing it
 * acknowledged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

	private static final Pattern COUNT = Pattern
		.compile("Retention: deleted Pruned\\[ran=true, auditEntries=\\d+, tokens=(\\d+)");

	private final JsonMapper json = JsonMapper.builder().build();

	private Nodes nodes;

	private Node a;

	private Node b;

	private Api onA;

	private Api onB;

	@BeforeAll
	void start() {
		this.nodes = Nodes.create("two-nodes");
		List<Node> started = this.nodes.start(2, "--fixpoint.email.poll-interval=300ms",
				"--fixpoint.email.initial-delay=1s", "--fixpoint.email.batch-window=1s",
				"--fixpoint.sla.escalation-interval=PT0.3S", "--fixpoint.sla.escalation-initial-delay=PT1S",
				"--fixpoint.retention.interval=PT0.5S", "--fixpoint.retention.initial-delay=PT1S",
				"--fixpoint.signup.verification-email=false", "--fixpoint.attachments.cleanup-interval=PT0.5S",
				"--fixpoint.attachments.cleanup-initial-delay=PT1S");
		this.a = started.get(0);
		this.b = started.get(1);
		this.onA = new Api(this.a.baseUrl(), this.json);
		this.onB = new Api(this.b.baseUrl(), this.json);
		this.onA.ensureSetUp();
		this.onB.ensureSetUp();
	}

	@AfterAll
	void stop() {
		if (this.nodes != null) {
			this.nodes.close();
		}
	}

	@Test
	@Order(1)
	void aSessionMadeOnOneNodeWorksOnTheOther() {
		TestUser user = this.onA.newUser("Roamer");
		BrowserSession onA = BrowserSession.signedIn(this.a.baseUrl(), this.onA, user);

		BrowserSession.Page projects = onA.on(this.b.baseUrl()).get("/projects");

		assertThat(projects.status()).isEqualTo(200);
		assertThat(projects.text()).contains(user.name());
	}

	@Test
	@Order(2)
	void aChangeOnOneNodeReachesAStreamOpenOnTheOther() throws Exception {
		TestUser admin = this.onA.newUser("Admin");
		TestUser dev = this.onA.newUser("Dev");
		String key = this.onA.newProject(admin).get("key").asString();
		this.onA.addMember(admin, key, dev, "developer");
		String bug = this.onA.newBug(admin, key, "Seen everywhere", "high").get("key").asString();
		BrowserSession browser = BrowserSession.signedIn(this.a.baseUrl(), this.onA, dev).on(this.b.baseUrl());

		HttpResponse<Stream<String>> stream = browser.openStream("/notifications/stream");
		assertThat(stream.statusCode()).isEqualTo(200);
		try (Stream<String> lines = stream.body()) {
			Iterator<String> events = lines.iterator();
			assertThat(SseEvents.next(events, this.json).get("count").asInt()).isZero();

			long sent = System.nanoTime();
			assertThat(this.onA.patch("/api/bugs/" + bug, admin.token(), Map.of("assignee_id", dev.id().toString()))
				.status()).isEqualTo(200);
			JsonNode event = SseEvents.next(events, this.json);
			long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();

			assertThat(event.get("count").asInt()).isEqualTo(1);
			assertThat(event.get("toast").get("url").asString()).isEqualTo("/bugs/" + bug);
			System.out.printf("[two-nodes] SSE: change on %s reached the stream on %s %d ms after the request%n",
					this.a.name(), this.b.name(), millis);
		}
	}

	@Test
	@Order(2)
	void aBugChangedOnOneNodeUpdatesItsPageOnTheOtherAndViewersSeeEachOtherAcrossNodes() throws Exception {
		TestUser admin = this.onA.newPerson("Dora Admin");
		TestUser dev = this.onA.newPerson("Eli Dev");
		String key = this.onA.newProject(admin).get("key").asString();
		this.onA.addMember(admin, key, dev, "developer");
		String bug = this.onA.newBug(admin, key, "Seen live everywhere", "high").get("key").asString();
		BrowserSession onB = BrowserSession.signedIn(this.a.baseUrl(), this.onA, dev).on(this.b.baseUrl());
		BrowserSession onA = BrowserSession.signedIn(this.a.baseUrl(), this.onA, admin);

		try (Stream<String> eliLines = onB.openStream("/bugs/" + bug + "/live?tab=eli").body();
				Stream<String> doraLines = onA.openStream("/bugs/" + bug + "/live?tab=dora").body()) {
			SseLines eli = new SseLines(eliLines.iterator(), this.json);
			SseLines dora = new SseLines(doraLines.iterator(), this.json);
			// presence crosses nodes: each sees the other
			assertThat(viewers(eli.next("presence", p -> !viewers(p).isEmpty()))).containsExactly("Dora Admin");
			assertThat(viewers(dora.next("presence", p -> !viewers(p).isEmpty()))).containsExactly("Eli Dev");

			long sent = System.nanoTime();
			assertThat(this.onA.patch("/api/bugs/" + bug, admin.token(), Map.of("priority", "P0")).status())
				.isEqualTo(200);
			JsonNode changed = eli.next("changed");
			long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
			assertThat(changed.get("key").asString()).isEqualTo(bug);
			assertThat(changed.get("by").asString()).isEqualTo("Dora Admin");
			assertThat(changed.get("self").asBoolean()).isFalse();
			System.out.printf(
					"[two-nodes] live: a change on %s reached the bug page's stream on %s %d ms after the request%n",
					this.a.name(), this.b.name(), millis);
		}
	}

	private static List<String> viewers(JsonNode presence) {
		return presence.get("viewers").values().stream().map(v -> v.get("name").asString()).toList();
	}

	@Test
	@Order(3)
	void aWorkflowChangedOnOneNodeIsUsedByTheOtherAtOnce() {
		TestUser admin = this.onA.newUser("Admin");
		String key = this.onA.newProject(admin).get("key").asString();
		String bug = this.onA.newBug(admin, key, "Needs triage", "low").get("key").asString();
		// B reads (and would cache) the current workflow first
		ObjectNode workflow = (ObjectNode) this.onB.get("/api/projects/" + key + "/workflow", admin.token()).body();
		assertThat(this.onB.patch("/api/bugs/" + bug, admin.token(), Map.of("status", "triaged")).status())
			.isEqualTo(422);

		((ArrayNode) workflow.get("statuses")).addObject()
			.put("key", "triaged")
			.put("name", "Triaged")
			.put("category", "todo");
		ObjectNode transition = ((ArrayNode) workflow.get("transitions")).addObject()
			.put("from", "open")
			.put("to", "triaged")
			.put("name", "Triage");
		transition.putArray("roles").add("admin").add("developer");
		assertThat(this.onA.put("/api/projects/" + key + "/workflow", admin.token(), workflow).status()).isEqualTo(200);

		Api.Response moved = this.onB.patch("/api/bugs/" + bug, admin.token(), Map.of("status", "triaged"));
		assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
		assertThat(moved.body().get("status").asString()).isEqualTo("triaged");
	}

	@Test
	@Order(4)
	void emailsDigestsEscalationsAndCleanupHappenExactlyOnce() throws Exception {
		TestUser admin = this.onA.newUser("Admin");
		TestUser instant = this.onA.newUser("Instant");
		TestUser digest = this.onA.newUser("Digest");
		String key = this.onA.newProject(admin).get("key").asString();
		this.onA.addMember(admin, key, instant, "developer");
		this.onA.addMember(admin, key, digest, "developer");
		assertThat(this.onA
			.put("/api/me/notification-preferences", instant.token(), Map.of("email", Map.of("assigned", "instant")))
			.status()).isEqualTo(200);
		assertThat(this.onA
			.put("/api/projects/" + key + "/sla-config", admin.token(), Map.of("critical", "1m", "time_zone", "UTC"))
			.status()).isEqualTo(200);
		TestUser expiring = this.onA.newUser("Expiring");

		int bugs = 6;
		List<String> critical = new ArrayList<>();
		for (int i = 0; i < bugs; i++) {
			Api api = i % 2 == 0 ? this.onA : this.onB;
			critical.add(api
				.post("/api/projects/" + key + "/bugs", admin.token(), Map.of("title", "Burning " + i, "severity",
						"critical", "assignee_id", (i < bugs / 2 ? instant : digest).id().toString()))
				.body()
				.get("id")
				.asString());
		}
		// time passes, as far as the jobs can tell: the SLA clocks ran past 100 % of
		// their
		// minute, the digest items are from two days ago, the login token expired
		this.nodes.database().sql("""
				update bug_sla set started_at = started_at - interval '5 minutes',
				    running_since = running_since - interval '5 minutes', next_at = next_at - interval '5 minutes'
				where project_id = (select id from projects where key = :key)
				""").param("key", key).update();
		this.nodes.database()
			.sql("update email_items set created_at = created_at - interval '2 days' where user_id = :user")
			.param("user", digest.id())
			.update();
		this.nodes.database()
			.sql("update api_tokens set expires_at = now() - interval '8 days' where user_id = :user")
			.param("user", expiring.id())
			.update();

		// three thresholds (50, 75, 100 %) per bug, each fired once: each notifies the
		// assignee, the breach also the project's admin
		await(() -> count("select count(*) from sla_escalations where bug_id in (:ids)", critical) == 3 * bugs);
		await(() -> messagesTo(instant.email()) >= bugs / 2 && messagesTo(digest.email()) >= 1);
		await(() -> tokenCleanupLogged() >= 1);
		quietPeriod();

		assertThat(count("select count(*) from sla_escalations where bug_id in (:ids)", critical)).isEqualTo(3 * bugs);
		assertThat(count("select count(*) from notifications where kind = 'sla' and bug_id in (:ids)", critical))
			.isEqualTo(4 * bugs);
		assertThat(messagesTo(instant.email())).as("one email per assigned bug").isEqualTo(bugs / 2);
		assertThat(messagesTo(digest.email())).as("one digest").isEqualTo(1);
		assertThat(distinctMessageIds()).isEqualTo(this.nodes.mail().getReceivedMessages().length);
		assertThat(this.nodes.database()
			.sql("select count(*) from api_tokens where user_id = :user")
			.param("user", expiring.id())
			.query(Integer.class)
			.single()).isZero();
		assertThat(tokenCleanupLogged()).as("the expired token was deleted by one node").isEqualTo(1);
		assertThat(this.a.log() + this.b.log()).doesNotContain(" ERROR ");
	}

	@Test
	@Order(5)
	void killingANodeInTheMiddleOfRequestsLosesNothingItAcknowledged() throws Exception {
		TestUser admin = this.onA.newUser("Admin");
		String key = this.onA.newProject(admin).get("key").asString();
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		List<Future<?>> running = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			running.add(writers.submit(() -> {
				while (!killed.get()) {
					try {
						Api.Response r = this.onA.post("/api/projects/" + key + "/bugs", admin.token(),
								Map.of("title", "Filed while dying", "severity", "low"));
						if (r.status() == 201) {
							acknowledged.add(r.body().get("key").asString());
						}
					}
					catch (RuntimeException ex) {
						return; // the connection broke: the node is gone
					}
				}
			}));
		}
		await(() -> acknowledged.size() >= 20);
		this.a.kill();
		killed.set(true);
		for (Future<?> f : running) {
			f.get();
		}
		writers.shutdown();

		for (String bug : acknowledged) {
			Api.Response r = this.onB.get("/api/bugs/" + bug, admin.token());
			assertThat(r.status()).as(bug).isEqualTo(200);
		}
		System.out.printf("[two-nodes] %d bugs acknowledged by %s before it was killed; all of them read on %s%n",
				acknowledged.size(), this.a.name(), this.b.name());
	}

	private int count(String sql, List<String> ids) {
		return this.nodes.database()
			.sql(sql)
			.param("ids", ids.stream().map(java.util.UUID::fromString).toList())
			.query(Integer.class)
			.single();
	}

	private long messagesTo(String address) {
		return Stream.of(this.nodes.mail().getReceivedMessages()).filter(m -> recipient(m).equals(address)).count();
	}

	private long distinctMessageIds() {
		return Stream.of(this.nodes.mail().getReceivedMessages()).map(TwoNodesTest::messageId).distinct().count();
	}

	private int tokenCleanupLogged() {
		int total = 0;
		for (Node node : List.of(this.a, this.b)) {
			Matcher m = COUNT.matcher(node.log());
			while (m.find()) {
				total += Integer.parseInt(m.group(1));
			}
		}
		return total;
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Lets both nodes' jobs run many more times (their intervals are under a second): a
	 * duplicate would show up now.
	 */
	private static void quietPeriod() throws InterruptedException {
		Thread.sleep(3_000);
	}

	/** Waits for a condition the nodes make true by themselves, at most a minute. */
	static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition still false after a minute").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
