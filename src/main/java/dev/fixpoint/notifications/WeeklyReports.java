package dev.fixpoint.notifications;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.analytics.Analytics;
import dev.fixpoint.analytics.AnalyticsReport;
import dev.fixpoint.analytics.AnalyticsRequest;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly analytics email of a project, for its admins who opt in (email preferences).
 * On Mondays (UTC) the email workers claim the subscriptions not yet served this week
 * ({@code for update skip locked}, so one node takes each), build last week's report
 * (Monday to Sunday, by day) as the subscriber through {@link Analytics}, and write the
 * email into the outbox in the same transaction: it goes out once, retried like every
 * email. A subscriber who is no longer an admin of the project loses the subscription.
 * The email carries numbers and links only, and a one-click unsubscribe.
 */
@Component
class WeeklyReports {

	/** Subscriptions served per transaction. */
	static final int BATCH = 20;

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final Analytics analytics;

	private final Accounts accounts;

	private final EmailRepository emails;

	private final EmailTemplates emailTemplates;

	private final UnsubscribeTokens tokens;

	private final TemplateEngine templates;

	private final Clock clock;

	WeeklyReports(JdbcClient jdbc, ProjectAccess access, Analytics analytics, Accounts accounts, EmailRepository emails,
			EmailTemplates emailTemplates, UnsubscribeTokens tokens, TemplateEngine templates, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.analytics = analytics;
		this.accounts = accounts;
		this.emails = emails;
		this.emailTemplates = emailTemplates;
		this.tokens = tokens;
		this.templates = templates;
		this.clock = clock;
	}

	/** The Monday (UTC) of the week {@code now} is in. */
	static LocalDate week(Instant now) {
		return now.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** The projects (ids) whose weekly email {@code userId} gets. */
	List<UUID> projectsOf(UUID userId) {
		return this.jdbc.sql("select project_id from report_subscriptions where user_id = :user")
			.param("user", userId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Subscribes an admin of the project (403 for other members, 404 for others); the
	 * first email comes next Monday.
	 */
	@Transactional
	void subscribe(String projectRef, CurrentUser user) {
		Membership member = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT);
		Instant now = Times.now(this.clock);
		this.jdbc.sql("""
				insert into report_subscriptions (user_id, project_id, created_at, last_week)
				values (:user, :project, :now, :week)
				on conflict (user_id, project_id) do nothing
				""")
			.param("user", user.id())
			.param("project", member.projectId())
			.param("now", Timestamp.from(now))
			.param("week", Date.valueOf(week(now)))
			.update();
	}

	@Transactional
	void unsubscribe(String projectRef, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		remove(user.id(), member.projectId());
	}

	/** The one-click unsubscribe of a weekly email. */
	void remove(UUID userId, UUID projectId) {
		this.jdbc.sql("delete from report_subscriptions where user_id = :user and project_id = :project")
			.param("user", userId)
			.param("project", projectId)
			.update();
	}

	private record Due(UUID userId, UUID projectId) {
	}

	/**
	 * Claims up to {@link #BATCH} due subscriptions and composes their emails, in one
	 * transaction (the email workers call it until a batch is not full).
	 * @return how many were claimed
	 */
	@Transactional
	int composeBatch(Instant now) {
		LocalDate week = week(now);
		List<Due> due = this.jdbc.sql("""
				update report_subscriptions s set last_week = :week
				from (select user_id, project_id from report_subscriptions where last_week < :week
				      order by user_id, project_id limit :batch for update skip locked) d
				where s.user_id = d.user_id and s.project_id = d.project_id
				returning s.user_id, s.project_id
				""")
			.param("week", Date.valueOf(week))
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getObject("user_id", UUID.class), rs.getObject("project_id", UUID.class)))
			.list();
		due.forEach(d -> compose(d, week.minusWeeks(1), now));
		return due.size();
	}

	private void compose(Due due, LocalDate monday, Instant now) {
		UserSummary summary = this.accounts.find(due.userId()).orElse(null);
		if (summary == null) {
			return;
		}
		CurrentUser user = new CurrentUser(summary.id(), summary.email(), summary.username(), summary.name());
		Membership member;
		try {
			member = this.access.membership(due.projectId(), user);
		}
		catch (DomainException ex) {
			member = null;
		}
		if (member == null || !member.can(ProjectAction.MANAGE_PROJECT)) {
			remove(due.userId(), due.projectId());
			return;
		}
		LocalDate sunday = monday.plusDays(6);
		AnalyticsReport report = this.analytics.project(due.projectId().toString(),
				new AnalyticsRequest(monday.toString(), sunday.toString(), "day", null, null, null), user);
		String key = member.project().key();
		String base = this.emailTemplates.baseUrl();
		String page = base + "/p/" + key + "/analytics?from=" + monday + "&to=" + sunday;
		String unsubscribe = base + "/unsubscribe/" + this.tokens.signWeekly(user.id(), due.projectId());
		WeeklyReportEmail view = WeeklyReportEmail.of(report, key, member.project().name(), page,
				base + "/settings/notifications", unsubscribe);
		StringOutput html = new StringOutput();
		this.templates.render("notifications/weekly-report.jte", Map.of("report", view), html);
		UUID emailId = Ids.newId();
		this.emails.insert(new EmailRepository.EmailRow(emailId, user.id(), summary.email(), view.subject(),
				view.text(), html.toString(), this.emailTemplates.messageId(emailId), null,
				"<" + base + "/api/unsubscribe/" + this.tokens.signWeekly(user.id(), due.projectId()) + ">", now, 0));
	}

}
