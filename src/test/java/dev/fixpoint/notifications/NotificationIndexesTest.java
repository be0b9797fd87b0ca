package dev.fixpoint.notifications;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each query of the notification center and of the email workers walks its index, checked with EXPLAIN on 30,000
 * notifications and 30,000 email items (plans are logged at info level for the curious).
 */
class NotificationIndexesTest extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(NotificationIndexesTest.class);

	@Autowired
	JdbcClient jdbc;

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
				    read_at)
				select gen_random_uuid(), case when g % 100 = 0 then :quiet else :busy end, :bug, :project, 'X-1', 't',
				       'comment', 'x', now() - g * interval '1 minute', case when g % 3 = 0 then now() end
				from generate_series(1, 30000) g
				""").param("busy", this.busy).param("quiet", this.quiet).param("bug", this.bugId)
			.param("project", this.projectId).update();
		this.jdbc.sql("""
				insert into email_items (id, user_id, bug_id, kind, delivery, bug_key, bug_title, bug_status, line,
				    created_at, email_id)
				select gen_random_uuid(), :busy, :bug, 'comment', case when g % 2 = 0 then 'instant' else 'digest' end,
				       'X-1', 't', 'Open', 'x', now() - g * interval '1 minute',
				       case when g > 50 then gen_random_uuid() end
				from generate_series(1, 30000) g
				""").param("busy", this.busy).param("bug", this.bugId).update();
		this.jdbc.sql("analyze notifications").update();
		this.jdbc.sql("analyze email_items").update();
	}

	@AfterEach
	void clean() {
		this.jdbc.sql("delete from notifications where bug_id = :bug").param("bug", this.bugId).update();
		this.jdbc.sql("delete from email_items where bug_id = :bug").param("bug", this.bugId).update();
	}

	@Test
	void theNotificationCenterAndTheEmailWorkersUseTheirIndexes() {
		assertThat(plan("""
				select id from notifications where user_id = '%s' and read_at is null
				order by created_at desc, id desc limit 31""".formatted(this.quiet)))
			.contains("notifications_user_unread");
		assertThat(plan("""
				select id from notifications where user_id = '%s'
				  and (created_at, id) < (now() - interval '1 day', '%s')
				order by created_at desc, id desc limit 31""".formatted(this.busy, UUID.randomUUID())))
			.contains("notifications_user_created");
		assertThat(plan("select count(*) from notifications where user_id = '%s' and read_at is null"
			.formatted(this.quiet))).contains("notifications_user_unread");
		// the bell counts at most 1,000 (shown as 99+): for the person who owns most rows the planner rightly
		// scans, and stops after 1,000 of their 20,000 unread
		assertThat(plan(NotificationRepository.UNREAD_COUNT.replace(":userId", "'" + this.busy + "'")))
			.contains("Limit", "rows=1000.00");
		assertThat(plan("""
				select user_id, bug_id from email_items
				where delivery = 'instant' and email_id is null and created_at <= now()
				group by user_id, bug_id""")).contains("email_items_pending");
		assertThat(plan("""
				select id from emails where sent_at is null and next_attempt_at <= now()
				order by next_attempt_at limit 50""")).contains("emails_due");
	}

	private String plan(String sql) {
		List<String> lines = this.jdbc.sql("explain (analyze, buffers off) " + sql).query(String.class).list();
		String plan = String.join("\n", lines);
		log.info("Plan of {}\n{}", sql, plan);
		return plan;
	}

}
