package dev.fixpoint.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.QueryPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each query of the notification center and of the email workers walks its index, checked
 * with EXPLAIN ANALYZE of the repositories' own statements on 30,000 notifications,
 * 30,000 email items and 30,000 emails (plans are logged at info level for the curious).
 */
class NotificationIndexesTest extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(NotificationIndexesTest.class);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private UUID busy, quiet, bugId, projectId;

	@BeforeEach
	void data() {
		TestUser a = this.api.newUser("Busy");
		TestUser b = this.api.newUser("Quiet");
		this.busy = a.id();
		this.quiet = b.id();
		String key = this.api.newProject(a).get("key").asString();
		var bug = this.api.newBug(a, key, "Indexed", "low");
		this.bugId = UUID.fromString(bug.get("id").asString());
		this.projectId = UUID.fromString(bug.get("project_id").asString());
		this.jdbc.sql("""
				insert into notifications (id, user_id, bug_id, project_id, bug_key, bug_title, kind, text, created_at,
				    inbox_at, read_at, done_at, participating)
				select gen_random_uuid(), case when g % 100 = 0 then :quiet else :busy end, :bug, :project, 'X-1', 't',
				       (array['comment', 'status_change', 'mention', 'assigned'])[1 + g % 4], 'x',
				       now() - g * interval '1 minute', now() - g * interval '1 minute',
				       case when g % 3 = 0 then now() end, case when g % 5 = 0 then now() - g * interval '1 second' end,
				       g % 7 = 0
				from generate_series(1, 30000) g
				""")
			.param("busy", this.busy)
			.param("quiet", this.quiet)
			.param("bug", this.bugId)
			.param("project", this.projectId)
			.update();
		this.jdbc.sql("""
				insert into email_items (id, user_id, bug_id, kind, delivery, bug_key, bug_title, bug_status, line,
				    created_at, email_id)
				select gen_random_uuid(), :busy, :bug, 'comment', case when g % 2 = 0 then 'instant' else 'digest' end,
				       'X-1', 't', 'Open', 'x', now() - g * interval '1 minute',
				       case when g > 50 then gen_random_uuid() end
				from generate_series(1, 30000) g
				""").param("busy", this.busy).param("bug", this.bugId).update();
		// sent a day ago or more but the 10 newest (due); none in the last hour (the rate
		// limit lets batches through)
		this.jdbc.sql("""
				insert into emails (id, user_id, to_address, subject, text_body, html_body, message_id, created_at,
				    next_attempt_at, sent_at)
				select gen_random_uuid(), :busy, 'busy@example.com', 's', 't', 'h', gen_random_uuid()::text,
				       now() - interval '1 day' - g * interval '1 minute', now() - g * interval '1 minute',
				       case when g > 10 then now() end
				from generate_series(1, 30000) g
				""").param("busy", this.busy).update();
		this.jdbc.sql("analyze notifications").update();
		this.jdbc.sql("analyze email_items").update();
		this.jdbc.sql("analyze emails").update();
	}

	@AfterEach
	void clean() {
		this.jdbc.sql("delete from notifications where bug_id = :bug").param("bug", this.bugId).update();
		this.jdbc.sql("delete from email_items where bug_id = :bug").param("bug", this.bugId).update();
		this.jdbc.sql("delete from emails where user_id = :busy").param("busy", this.busy).update();
	}

	@Test
	void theNotificationCenterAndTheEmailWorkersUseTheirIndexes() {
		Instant now = Instant.now();
		// a page walks its index and stops after the page's rows (31: a page of 30 and
		// one more); each folder and filter of the triage has a partial index of its own
		assertThat(plan(db -> new NotificationRepository(db).page(this.quiet, query("inbox", "all", true), now, null,
				null, 31)))
			.matches(p -> p.walksIndex("notifications_user_unread") && p.rowsRead() <= 31, "walks the unread index");
		assertThat(plan(db -> new NotificationRepository(db).page(this.busy, query("inbox", "all", false), now,
				now.minus(Duration.ofDays(1)), UUID.randomUUID(), 31)))
			.matches(p -> p.walksIndex("notifications_user_inbox") && p.rowsRead() <= 31, "walks the inbox index");
		assertThat(plan(db -> new NotificationRepository(db).page(this.busy, query("inbox", "mentions", false), now,
				null, null, 31)))
			.matches(p -> p.walksIndex("notifications_user_kind") && p.rowsRead() <= 31, "walks the kind index");
		assertThat(plan(db -> new NotificationRepository(db).page(this.busy, query("inbox", "participating", false),
				now, null, null, 31)))
			.matches(p -> p.walksIndex("notifications_user_participating") && p.rowsRead() <= 31,
					"walks the participating index");
		assertThat(plan(
				db -> new NotificationRepository(db).page(this.busy, query("done", "all", false), now, null, null, 31)))
			.matches(p -> p.walksIndex("notifications_user_done") && p.rowsRead() <= 31, "walks the done index");
		assertThat(plan(db -> new NotificationRepository(db).unreadCount(this.quiet, now)))
			.matches(p -> p.usesIndex("notifications_user_unread"), "uses notifications_user_unread");
		// My work's "Watching": the person's follows, newest first (one row here: the
		// planner is told not to scan the table, as it would not on a full one)
		assertThat(QueryPlan.analyze(this.jdbc, this.transactions,
				db -> new WatcherRepository(db).following(this.busy, null, null, 6), "set local enable_seqscan = off"))
			.matches(p -> p.usesIndex("bug_watchers_user_following"), "uses bug_watchers_user_following");
		// the bell counts at most 1,000 (shown as 99+): for the person who owns most rows
		// the planner rightly scans, and stops after 1,000 of their 20,000 unread (~1,500
		// rows read with the read ones on the way)
		// (the done ones too: ~1,900)
		assertThat(plan(db -> new NotificationRepository(db).unreadCount(this.busy, now)))
			.matches(p -> p.rowsRead() < 2_500, "stops after 1,000 unread");
		// instant batches: read from a partial index of pending items
		// (email_items_pending or _pending_user, as the planner likes), only the 50
		// pending of the 30,000
		assertThat(
				plan(db -> new EmailItemRepository(db).dueInstantGroups(now, now.minus(Duration.ofHours(1)), 10, 200)))
			.matches(p -> p.usesIndexOn("email_items") && p.rowsRead() <= 50, "reads only pending items");
		assertThat(plan(db -> new EmailRepository(db).claimDue(now, now.plus(Duration.ofMinutes(5)), 50)))
			.matches(p -> p.walksIndex("emails_due") && p.rowsRead() <= 100, "walks emails_due, reads at most 2 x 50");
		// the outbox metrics' one statement: the partial index holds only the unsent (10
		// here, and what other tests left), never the 30,000 sent
		assertThat(plan(db -> new EmailRepository(db).backlog()))
			.matches(p -> p.usesIndex("emails_due") && p.rowsRead() < 1_000, "reads only the unsent emails");
	}

	private static NotificationQuery query(String folder, String filter, boolean unread) {
		return NotificationQuery.of(folder, filter, unread);
	}

	/** The plan of the statement, run (and rolled back). */
	private QueryPlan plan(Consumer<JdbcClient> call) {
		QueryPlan plan = QueryPlan.analyze(this.jdbc, this.transactions, call);
		log.info("Plan\n{}", plan.root());
		return plan;
	}

}
