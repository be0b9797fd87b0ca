package dev.fixpoint.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.outbox.RecordingConsumer.Ping;
import dev.fixpoint.platform.outbox.RecordingConsumer.Tick;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Statements;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against the real database: written with the change, delivered after commit,
 * retried with the same event id, in order per aggregate, each row claimed by one worker.
 * (Tests deliver on the committing thread, {@code fixpoint.outbox.after-commit=caller};
 * kill -9 between commit and delivery: {@code nodes.OutboxNodesTest}.)
 */
class OutboxTest extends IntegrationTest {

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRepository rows;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void anEventIsWrittenWithItsChangeAndDeliveredOnceAfterTheCommit() {
		UUID aggregate = UUID.randomUUID();
		int pendingInside = this.transactions.execute(status -> {
			this.publisher.publishEvent(new Ping(aggregate, "hello", 0));
			assertThat(RecordingConsumer.deliveredFor(aggregate)).as("not before the commit").isEmpty();
			return pending(aggregate);
		});
		assertThat(pendingInside).isEqualTo(1);
		assertThat(RecordingConsumer.deliveredFor(aggregate)).containsExactly("hello");
		assertThat(pending(aggregate)).as("a delivered row is removed").isZero();
		this.outbox.deliverDue();
		assertThat(RecordingConsumer.deliveredFor(aggregate)).containsExactly("hello");
	}

	/**
	 * A database-only delivery commits without waiting for the WAL flush (its loss in a
	 * database crash loses the row's removal with it: delivered again); the change that
	 * wrote the event waited for its flush as usual.
	 */
	@Test
	void aDatabaseOnlyDeliveryDoesNotWaitForTheFlushButTheChangeDoes() {
		// the test server runs with synchronous_commit off (throw-away data): this
		// database gets a persistent installation's "on" for the connections opened now
		synchronousCommitForNewConnections("on");
		try {
			UUID aggregate = UUID.randomUUID();
			String changeCommit = this.transactions.execute(status -> {
				this.publisher.publishEvent(new Ping(aggregate, "flush-later", 0));
				return synchronousCommit();
			});
			assertThat(changeCommit).isEqualTo("on");
			assertThat(RecordingConsumer.deliveredFor(aggregate)).containsExactly("flush-later");
			assertThat(RecordingConsumer.SYNCHRONOUS_COMMIT).containsEntry("flush-later", "off");
			String afterwards = this.transactions.execute(status -> synchronousCommit());
			assertThat(afterwards).as("only for the delivery's own transaction").isEqualTo("on");
		}
		finally {
			synchronousCommitForNewConnections(null);
		}
	}

	private String synchronousCommit() {
		return this.jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single();
	}

	private void synchronousCommitForNewConnections(String value) {
		String database = this.jdbc.sql("select current_database()").query(String.class).single();
		this.jdbc
			.sql("alter database " + database
					+ (value == null ? " reset synchronous_commit" : " set synchronous_commit = " + value))
			.update();
		try {
			com.zaxxer.hikari.HikariDataSource pool = this.dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
			pool.getHikariPoolMXBean().softEvictConnections();
			if (value != null) {
				// a connection the pool was opening while the setting changed joins it
				// with the old value: evict such ones until this thread's connection
				// (which its next transactions get back first) has the new value
				// three times running
				int running = 0;
				for (int attempt = 0; attempt < 200 && running < 3; attempt++) {
					try (java.sql.Connection connection = pool.getConnection();
							java.sql.Statement statement = connection.createStatement();
							java.sql.ResultSet rows = statement
								.executeQuery("select current_setting('synchronous_commit')")) {
						rows.next();
						if (value.equals(rows.getString(1))) {
							running++;
						}
						else {
							running = 0;
							pool.evictConnection(connection);
						}
					}
				}
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aRolledBackChangeHandsNothingOn() {
		UUID aggregate = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> {
			this.publisher.publishEvent(new Ping(aggregate, "never", 0));
			status.setRollbackOnly();
		});
		this.outbox.deliverDue();
		assertThat(pending(aggregate)).isZero();
		assertThat(RecordingConsumer.deliveredFor(aggregate)).isEmpty();
	}

	@Test
	void aFailedDeliveryWaitsAndIsRetriedUnderTheSameEventId() {
		UUID aggregate = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> this.publisher.publishEvent(new Ping(aggregate, "flaky", 2)));
		assertThat(RecordingConsumer.deliveredFor(aggregate)).isEmpty();
		Row row = row(aggregate);
		assertThat(row.attempts()).isEqualTo(1);
		assertThat(row.lastError()).contains("failing on purpose");
		assertThat(row.nextAttemptAt()).isAfter(this.clock.instant());

		this.clock.advance(Duration.ofMinutes(-1)); // well before the retry is due
		this.outbox.deliverDue();
		assertThat(RecordingConsumer.ATTEMPTS.get(row.eventId())).as("not before its time").isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		this.outbox.deliverDue();
		assertThat(row(aggregate).attempts()).as("second failure").isEqualTo(2);
		assertThat(row(aggregate).nextAttemptAt()).as("backoff doubles")
			.isAfterOrEqualTo(row.nextAttemptAt().plusSeconds(2));
		this.clock.advance(Duration.ofSeconds(2));
		this.outbox.deliverDue();

		assertThat(RecordingConsumer.deliveredFor(aggregate)).containsExactly("flaky");
		OutboxDelivery<Ping> delivered = RecordingConsumer.DELIVERED.stream()
			.filter(d -> d.event().aggregate().equals(aggregate))
			.findFirst()
			.orElseThrow();
		assertThat(delivered.eventId()).isEqualTo(row.eventId());
		assertThat(delivered.attempt()).isEqualTo(3);
		assertThat(pending(aggregate)).isZero();
	}

	@Test
	void eventsOfOneAggregateArriveInOrderAndAFailureHoldsBackOnlyItsAggregate() {
		UUID held = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> {
			this.publisher.publishEvent(new Ping(held, "first", 1));
			this.publisher.publishEvent(new Ping(other, "x", 0));
			this.publisher.publishEvent(new Ping(held, "second", 0));
			this.publisher.publishEvent(new Ping(other, "y", 0));
			this.publisher.publishEvent(new Ping(held, "third", 0));
		});
		assertThat(RecordingConsumer.deliveredFor(other)).containsExactly("x", "y");
		assertThat(RecordingConsumer.deliveredFor(held)).as("waiting for the first to succeed").isEmpty();
		assertThat(pending(held)).isEqualTo(3);

		this.clock.advance(Duration.ofSeconds(1));
		this.outbox.deliverDue();
		assertThat(RecordingConsumer.deliveredFor(held)).containsExactly("first", "second", "third");
	}

	@Test
	void concurrentWorkersClaimEveryRowOnceAndKeepEachAggregatesOrder() throws Exception {
		List<UUID> aggregates = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
		List<String> expected = IntStream.range(0, 10).mapToObj(n -> "n" + n).toList();
		Instant now = this.clock.instant();
		for (String label : expected) {
			for (UUID aggregate : aggregates) {
				// written without a commit hook: as a crashed node leaves them
				this.rows.insert(List.of(new OutboxRepository.NewRow(Ids.newId(), "outbox-test", Ping.class.getName(),
						this.jsonMapper.writeValueAsString(new Ping(aggregate, label, 0)), aggregate, true, null,
						now)));
			}
		}
		ExecutorService workers = Executors.newFixedThreadPool(4);
		List<Future<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			runs.add(workers.submit((Callable<Integer>) this.outbox::deliverDue));
		}
		int delivered = 0;
		for (Future<Integer> run : runs) {
			delivered += run.get();
		}
		workers.shutdown();
		delivered += this.outbox.deliverDue(); // what a worker left for a later poll
		assertThat(delivered).isGreaterThanOrEqualTo(200);
		for (UUID aggregate : aggregates) {
			assertThat(RecordingConsumer.deliveredFor(aggregate)).as("each once, in order").isEqualTo(expected);
		}
	}

	/**
	 * A batch that took fewer rows than it could, none of them an ordered consumer's,
	 * ends the lane: no second claim that would find nothing. A claim that finds nothing
	 * sends nothing else (no {@code set local synchronous_commit}: it commits nothing).
	 */
	@Test
	void aLaneEndsAfterABatchThatTookEveryDueRowWithoutAnEmptyClaim() {
		this.outbox.deliverDue(); // what other tests left
		UUID aggregate = UUID.randomUUID();
		List<String> labels = List.of("t1-" + aggregate, "t2-" + aggregate, "t3-" + aggregate);
		labels.forEach(label -> insertRow("outbox-test-unordered", new Tick(aggregate, label), aggregate, false));

		Statements.Counted<Integer> counted = Statements.count(() -> this.outbox.deliverDue(Outbox.Lane.DATABASE));
		assertThat(RecordingConsumer.TICKED).containsAll(labels);
		assertThat(counted.result()).isEqualTo(3);
		assertThat(counted.sql()).as("one claim").filteredOn(sql -> sql.contains("from outbox o")).hasSize(1);

		Statements.Counted<Integer> idle = Statements.count(() -> this.outbox.deliverDue(Outbox.Lane.DATABASE));
		assertThat(idle.result()).isZero();
		assertThat(idle.sql()).as("the claim alone")
			.filteredOn(sql -> !Statements.COMMIT.equals(sql))
			.singleElement()
			.satisfies(sql -> assertThat(sql).contains("from outbox o"));
	}

	/**
	 * After an ordered consumer's row the aggregate's next event may have become due: the
	 * lane claims again until a claim finds nothing.
	 */
	@Test
	void aLaneClaimsAgainAfterAnOrderedRow() {
		this.outbox.deliverDue();
		UUID aggregate = UUID.randomUUID();
		insertRow("outbox-test", new Ping(aggregate, "first", 0), aggregate, true);
		insertRow("outbox-test", new Ping(aggregate, "second", 0), aggregate, true);

		assertThat(this.outbox.deliverDue(Outbox.Lane.DATABASE)).isEqualTo(2);
		assertThat(RecordingConsumer.deliveredFor(aggregate)).containsExactly("first", "second");
	}

	/**
	 * A commit wakes only the workers of the lanes it wrote rows for: a database-only
	 * event leaves the network workers asleep (a filing writes no network row, so no
	 * network claim follows it).
	 */
	@Test
	void aWakeForTheDatabaseLaneLeavesTheNetworkLaneAsleep() throws Exception {
		this.outbox.deliverDue();
		RecordingConsumer.answer = new java.util.concurrent.CountDownLatch(0);
		UUID aggregate = UUID.randomUUID();
		String tick = "wake-" + aggregate;
		String call = "asleep-" + aggregate;
		insertRow("outbox-test-unordered", new Tick(aggregate, tick), aggregate, false);
		insertRow("outbox-test-network", new RecordingConsumer.Call(aggregate, call), aggregate, false);
		// polls once an hour: only a wake makes a worker claim
		OutboxWorkers workers = new OutboxWorkers(this.outbox, new OutboxProperties(OutboxProperties.AfterCommit.NONE,
				1, 1, 1, Duration.ofHours(1), 50, 3, Duration.ZERO, 10));
		workers.start();
		try {
			workers.wake(EnumSet.of(Outbox.Lane.DATABASE));
			awaitUntil(() -> RecordingConsumer.TICKED.contains(tick));
			assertThat(RecordingConsumer.TICK_THREADS).anyMatch(name -> name.startsWith("outbox-"));
			assertThat(RecordingConsumer.CALLED).as("the network lane was not woken").doesNotContain(call);
			assertThat(pending(aggregate)).isEqualTo(1);

			workers.wake(EnumSet.of(Outbox.Lane.NETWORK));
			awaitUntil(() -> RecordingConsumer.CALLED.contains(call));
			assertThat(RecordingConsumer.CALLED).containsOnlyOnce(call);
		}
		finally {
			workers.stop();
		}
	}

	/**
	 * A busy lane gathers: the first commit after a quiet time is delivered at once; a
	 * commit soon after that round wakes one worker, which lets commits gather before it
	 * claims, and the commits meanwhile wake nobody: the whole burst goes in one claim,
	 * each row delivered once. (The worker's wait ends when the test says so, not by the
	 * clock.)
	 */
	@Test
	void aBurstOfCommitsOnABusyLaneIsDeliveredByOneClaim() throws Exception {
		this.outbox.deliverDue();
		java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch gathered = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.atomic.AtomicInteger waits = new java.util.concurrent.atomic.AtomicInteger();
		// two database workers, gathering for an hour, polling once an hour: only wakes
		// make a worker claim, and only the test ends a wait
		OutboxWorkers workers = new OutboxWorkers(this.outbox, new OutboxProperties(OutboxProperties.AfterCommit.NONE,
				2, 1, 1, Duration.ofHours(1), 50, 3, Duration.ofHours(1), 10), duration -> {
					waits.incrementAndGet();
					waiting.countDown();
					gathered.await(20, java.util.concurrent.TimeUnit.SECONDS);
				});
		UUID aggregate = UUID.randomUUID();
		String first = "first-" + aggregate;
		List<String> burst = IntStream.range(0, 12).mapToObj(i -> "burst" + i + "-" + aggregate).toList();
		workers.start();
		try {
			insertRow("outbox-test-unordered", new Tick(aggregate, first), aggregate, false);
			workers.wake(EnumSet.of(Outbox.Lane.DATABASE));
			awaitUntil(() -> RecordingConsumer.TICKED.contains(first));
			assertThat(waits).as("an idle lane delivers at once").hasValue(0);

			for (String label : burst) {
				insertRow("outbox-test-unordered", new Tick(aggregate, label), aggregate, false);
				workers.wake(EnumSet.of(Outbox.Lane.DATABASE));
			}
			assertThat(waiting.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(RecordingConsumer.TICKED).as("nothing claimed while gathering")
				.doesNotContainAnyElementsOf(burst);
			gathered.countDown();
			awaitUntil(() -> RecordingConsumer.TICKED.containsAll(burst));
		}
		finally {
			gathered.countDown();
			workers.stop();
		}
		assertThat(waits).as("one worker woken for the whole burst").hasValue(1);
		assertThat(RecordingConsumer.TICKED).filteredOn(label -> label.endsWith(aggregate.toString()))
			.as("each once")
			.containsExactlyInAnyOrderElementsOf(
					java.util.stream.Stream.concat(java.util.stream.Stream.of(first), burst.stream()).toList());
		assertThat(burst.stream().map(RecordingConsumer.TICK_TRANSACTIONS::get).distinct())
			.as("one claiming transaction for the burst")
			.hasSize(1);
		assertThat(pending(aggregate)).isZero();
	}

	/**
	 * The slow lane claims a few rows per transaction ({@code slow-batch-size}), not one:
	 * three due rows, one claim.
	 */
	@Test
	void theSlowLaneClaimsSeveralRowsAtOnce() {
		this.outbox.deliverDue();
		UUID aggregate = UUID.randomUUID();
		List<String> labels = List.of("c1-" + aggregate, "c2-" + aggregate, "c3-" + aggregate);
		labels.forEach(label -> insertRow("outbox-test-slow", new RecordingConsumer.Chore(aggregate, label), aggregate,
				false));

		Statements.Counted<Integer> counted = Statements.count(() -> this.outbox.deliverDue(Outbox.Lane.SLOW));
		assertThat(counted.result()).isEqualTo(3);
		assertThat(RecordingConsumer.CHORES).containsAll(labels);
		assertThat(counted.sql()).as("one claim").filteredOn(sql -> sql.contains("from outbox o")).hasSize(1);
		assertThat(pending(aggregate)).isZero();
	}

	private void insertRow(String consumer, Object event, UUID aggregate, boolean ordered) {
		// written without a commit hook: as a crashed node leaves them
		this.rows.insert(List.of(new OutboxRepository.NewRow(Ids.newId(), consumer, event.getClass().getName(),
				this.jsonMapper.writeValueAsString(event), aggregate, ordered, null, this.clock.instant())));
	}

	private static void awaitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!done.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(done.getAsBoolean()).isTrue();
	}

	@Test
	void backoffDoublesFromOneSecondUpToTenMinutes() {
		assertThat(Outbox.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Outbox.backoff(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(Outbox.backoff(5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(Outbox.backoff(30)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void aHandlerAskingToRetryLaterWaitsAtLeastThatLongButNeverLessThanTheBackoff() {
		RuntimeException retryAfterAMinute = new RetryLaterException("429, Retry-After: 60", Duration.ofMinutes(1));
		assertThat(Outbox.wait(1, retryAfterAMinute)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Outbox.wait(30, retryAfterAMinute)).as("the backoff is longer").isEqualTo(Duration.ofMinutes(10));
		assertThat(Outbox.wait(3, new RetryLaterException("now", Duration.ZERO))).isEqualTo(Duration.ofSeconds(4));
		assertThat(Outbox.wait(3, new IllegalStateException())).isEqualTo(Duration.ofSeconds(4));
	}

	record Row(UUID eventId, int attempts, String lastError, Instant nextAttemptAt) {
	}

	/**
	 * A receiver that does not answer holds a network worker, never the workers of the
	 * database-only consumers: a notification-like event is delivered meanwhile.
	 */
	@Test
	void aStuckCallDelaysNoDatabaseConsumer() throws Exception {
		RecordingConsumer.inCall = new java.util.concurrent.CountDownLatch(1);
		RecordingConsumer.answer = new java.util.concurrent.CountDownLatch(1);
		UUID called = UUID.randomUUID();
		UUID pinged = UUID.randomUUID();
		// neither is delivered on this (the committing) thread: the call refuses it, the
		// ping fails its first attempt; both wait for the workers
		this.transactions
			.executeWithoutResult(status -> this.publisher.publishEvent(new RecordingConsumer.Call(called, "slow")));
		this.transactions.executeWithoutResult(status -> this.publisher.publishEvent(new Ping(pinged, "meanwhile", 1)));
		assertThat(RecordingConsumer.deliveredFor(pinged)).isEmpty();
		this.clock.advance(Duration.ofMinutes(1)); // past both backoffs

		OutboxWorkers workers = new OutboxWorkers(this.outbox, new OutboxProperties(OutboxProperties.AfterCommit.NONE,
				1, 1, 1, Duration.ofMillis(50), 50, 3, Duration.ZERO, 10));
		// a persistent installation's synchronous_commit (the test server's is off)
		synchronousCommitForNewConnections("on");
		workers.start();
		try {
			assertThat(RecordingConsumer.inCall.await(20, java.util.concurrent.TimeUnit.SECONDS))
				.as("the network worker is inside the call")
				.isTrue();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (RecordingConsumer.deliveredFor(pinged).isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(RecordingConsumer.deliveredFor(pinged)).as("delivered while the call hangs")
				.containsExactly("meanwhile");
			assertThat(RecordingConsumer.CALLED).doesNotContain("slow");

			RecordingConsumer.answer.countDown();
			while (!RecordingConsumer.CALLED.contains("slow") && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(RecordingConsumer.CALLED).containsOnlyOnce("slow");
			assertThat(RecordingConsumer.SYNCHRONOUS_COMMIT).as("a call's delivery waits for its flush")
				.containsEntry("slow", "on");
		}
		finally {
			RecordingConsumer.answer.countDown();
			workers.stop();
			synchronousCommitForNewConnections(null);
		}
		assertThat(pending(called) + pending(pinged)).isZero();
	}

	private int pending(UUID aggregate) {
		return this.jdbc.sql("select count(*) from outbox where aggregate_id = :a")
			.param("a", aggregate)
			.query(Integer.class)
			.single();
	}

	private Row row(UUID aggregate) {
		return this.jdbc
			.sql("select event_id, attempts, last_error, next_attempt_at from outbox where aggregate_id = :a")
			.param("a", aggregate)
			.query((rs, n) -> new Row(rs.getObject("event_id", UUID.class), rs.getInt("attempts"),
					rs.getString("last_error"), rs.getTimestamp("next_attempt_at").toInstant()))
			.single();
	}

}
