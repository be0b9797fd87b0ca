package dev.fixpoint.nodes;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.Nodes;
import dev.fixpoint.support.Nodes.Node;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox under {@code kill -9}, with real processes: fan-out committed by a node that
 * dies before delivering it reaches everyone once (delivered by another node), and a node
 * killed in the middle of a burst of filings and comments leaves no notification or email
 * lost or doubled.
 */
class OutboxNodesTest {

	/** Fast email workers, no hourly cap (the developer gets an email per bug). */
	private static final String[] FAST_EMAIL = { "--fixpoint.email.poll-interval=300ms",
			"--fixpoint.email.initial-delay=1s", "--fixpoint.email.batch-window=1s",
			"--fixpoint.email.max-per-hour=100000" };

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void fanOutCommittedByANodeKilledBeforeDeliveringItArrivesOnceThroughAnother() throws Exception {
		try (Nodes nodes = Nodes.create("outbox-kill-before-fan-out")) {
			// this node commits changes and their outbox rows but never delivers: it is
			// killed "between commit and fan-out", every time
			Node doomed = nodes.start(args("--fixpoint.outbox.after-commit=none", "--fixpoint.outbox.workers=0"));
			Api api = new Api(doomed.baseUrl(), this.json);
			Team team = team(api);
			int bugs = 12;
			for (int i = 0; i < bugs; i++) {
				String key = fileAndComment(api, team, "Doomed " + i);
				assertThat(key).isNotNull();
			}
			assertThat(count(nodes, "select count(*) from outbox where consumer = 'notifications'"))
				.as("committed, not delivered")
				.isEqualTo(2 * bugs);
			assertThat(notifications(nodes, team, "assigned")).isZero();
			doomed.kill();

			Node survivor = nodes.start(args());
			TwoNodesTest.await(() -> count(nodes, "select count(*) from outbox") == 0);
			awaitEmailsSent(nodes);
			quietPeriod();

			assertExactlyOnce(nodes, team, bugs);
			int emails = count(nodes, "select count(*) from emails");
			assertThat(emails).as("a bug's items go out in one or two emails").isBetween(bugs, 2 * bugs);
			assertThat(nodes.mail().getReceivedMessages()).as("each email once").hasSize(emails);
			assertThat(distinctMessageIds(nodes)).isEqualTo(emails);
			assertThat(survivor.log()).doesNotContain(" ERROR ");
		}
	}

	@Test
	void aNodeKilledDuringABurstLosesNoFanOutAndDoublesNone() throws Exception {
		try (Nodes nodes = Nodes.create("outbox-kill-during-burst")) {
			List<Node> started = nodes.start(2, args());
			Node victim = started.get(0);
			Node other = started.get(1);
			Api api = new Api(victim.baseUrl(), this.json);
			Team team = team(api);
			AtomicInteger acknowledged = new AtomicInteger();
			AtomicBoolean killed = new AtomicBoolean();
			ExecutorService pool = Executors.newFixedThreadPool(4);
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				int writer = w;
				writers.add(pool.submit(() -> {
					for (int i = 0; !killed.get(); i++) {
						try {
							if (fileAndComment(api, team, "Burst " + writer + "-" + i) != null) {
								acknowledged.incrementAndGet();
							}
						}
						catch (RuntimeException ex) {
							return; // the node is gone
						}
					}
				}));
			}
			TwoNodesTest.await(() -> acknowledged.get() >= 40);
			victim.kill();
			Instant killedAt = Instant.now();
			killed.set(true);
			for (Future<?> writer : writers) {
				writer.get();
			}
			pool.shutdown();

			// the other node delivers what the victim committed and did not deliver
			TwoNodesTest.await(() -> count(nodes, "select count(*) from outbox") == 0);
			int bugs = count(nodes, "select count(*) from bugs b join projects p on p.id = b.project_id where p.key = '"
					+ team.project() + "'");
			// emails the victim had claimed when it died wait for their lease (5 min) to
			// run
			// out: the email outbox's business, not the outbox's, so the test runs them
			// out
			// now. Every lease taken before the kill ends before killedAt + 5 min; the
			// other node's among them are harmless to clear, as its single sending thread
			// marks its whole batch before it claims again.
			TwoNodesTest.await(() -> {
				expireLeasesTakenBefore(nodes, killedAt);
				return count(nodes, "select count(*) from email_items where email_id is null") == 0
						&& count(nodes, "select count(*) from emails where sent_at is null") == 0;
			});
			quietPeriod();

			assertThat(bugs).isGreaterThanOrEqualTo(acknowledged.get());
			assertExactlyOnce(nodes, team, bugs);
			int emails = count(nodes, "select count(*) from emails");
			// the victim sends one email at a time: at most one was accepted by the
			// server
			// and not marked sent when it died; the other node sends that one again, with
			// the same Message-ID (mail clients drop the duplicate)
			assertThat(nodes.mail().getReceivedMessages()).as("every composed email arrived, one of them perhaps twice")
				.hasSizeBetween(emails, emails + 1);
			assertThat(distinctMessageIds(nodes)).as("every composed email arrived").isEqualTo(emails);
			System.out.printf(
					"[outbox-kill-during-burst] %d filings acknowledged before kill -9, %d bugs stored; "
							+ "%d emails composed, %d messages received%n",
					acknowledged.get(), bugs, emails, nodes.mail().getReceivedMessages().length);
			assertThat(other.log()).doesNotContain(" ERROR ");
		}
	}

	/**
	 * Every stored bug: its assignee got exactly one "assigned" notification and one
	 * "comment" notification per comment, and exactly one email item for each.
	 */
	private static void assertExactlyOnce(Nodes nodes, Team team, int bugs) {
		List<String> wrong = nodes.database().sql("""
				select p.key || '-' || b.number || ': ' || n_assigned || ' assigned, ' || n_comment || ' comment for '
				    || c_count || ' comments, ' || i_assigned || '/' || i_comment || ' email items'
				from bugs b join projects p on p.id = b.project_id
				cross join lateral (select
				    count(*) filter (where kind = 'assigned') as n_assigned,
				    count(*) filter (where kind = 'comment') as n_comment
				    from notifications n where n.bug_id = b.id and n.user_id = :dev) n
				cross join lateral (select
				    count(*) filter (where kind = 'assigned') as i_assigned,
				    count(*) filter (where kind = 'comment') as i_comment
				    from email_items i where i.bug_id = b.id and i.user_id = :dev) i
				cross join lateral (select count(*) as c_count from comments c where c.bug_id = b.id) c
				where p.key = :project
				  and (n_assigned <> 1 or n_comment <> c_count or i_assigned <> 1 or i_comment <> c_count)
				""").param("dev", team.dev().id()).param("project", team.project()).query(String.class).list();
		assertThat(wrong).as("bugs whose fan-out is missing or doubled").isEmpty();
		assertThat(notifications(nodes, team, "assigned")).isEqualTo(bugs);
	}

	private static void awaitEmailsSent(Nodes nodes) throws InterruptedException {
		TwoNodesTest.await(() -> count(nodes, "select count(*) from email_items where email_id is null") == 0);
		TwoNodesTest.await(() -> count(nodes, "select count(*) from emails where sent_at is null") == 0);
	}

	/**
	 * Ends now the email leases taken before {@code killedAt} (each runs
	 * {@code EmailSender.LEASE}, 5 minutes): a claim the killed node's database session
	 * committed late is caught by a later call.
	 */
	private static void expireLeasesTakenBefore(Nodes nodes, Instant killedAt) {
		nodes.database()
			.sql("update emails set lease_until = null where sent_at is null and lease_until <= :end")
			.param("end", Timestamp.from(killedAt.plus(Duration.ofMinutes(5))))
			.update();
	}

	record Team(TestUser admin, TestUser dev, String project) {
	}

	/**
	 * An admin who files and comments, a developer who is assigned and emailed at once.
	 */
	private static Team team(Api api) {
		TestUser admin = api.newUser("Admin");
		TestUser dev = api.newUser("Dev");
		String project = api.newProject(admin).get("key").asString();
		api.addMember(admin, project, dev, "developer");
		assertThat(api
			.put("/api/me/notification-preferences", dev.token(),
					Map.of("email", Map.of("assigned", "instant", "comment", "instant")))
			.status()).isEqualTo(200);
		return new Team(admin, dev, project);
	}

	/** Files a bug assigned to the developer and comments on it; null if refused. */
	private static String fileAndComment(Api api, Team team, String title) {
		Api.Response filed = api.post("/api/projects/" + team.project() + "/bugs", team.admin().token(),
				Map.of("title", title, "severity", "medium", "assignee_id", team.dev().id().toString()));
		if (filed.status() != 201) {
			return null;
		}
		String key = filed.body().get("key").asString();
		Api.Response comment = api.post("/api/bugs/" + key + "/comments", team.admin().token(),
				Map.of("content", "Looking at " + title));
		return comment.status() == 201 ? key : null;
	}

	private static int notifications(Nodes nodes, Team team, String kind) {
		return nodes.database()
			.sql("select count(*) from notifications where user_id = :dev and kind = :kind")
			.param("dev", team.dev().id())
			.param("kind", kind)
			.query(Integer.class)
			.single();
	}

	private static int count(Nodes nodes, String sql) {
		return nodes.database().sql(sql).query(Integer.class).single();
	}

	private static long distinctMessageIds(Nodes nodes) {
		return Stream.of(nodes.mail().getReceivedMessages()).map(m -> {
			try {
				return m.getMessageID();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).distinct().count();
	}

	private static String[] args(String... more) {
		return Stream.concat(Stream.of(FAST_EMAIL), Stream.of(more)).toArray(String[]::new);
	}

	/** Lets the workers and pollers of every node run many more times. */
	private static void quietPeriod() throws InterruptedException {
		Thread.sleep(3_000);
	}

}
