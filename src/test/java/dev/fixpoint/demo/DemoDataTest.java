package dev.fixpoint.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.HistoryEntry;
import dev.fixpoint.demo.DemoPeople.Person;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.projects.ProjectRole;
import dev.fixpoint.projects.Projects;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest extends IntegrationTest {

	@Autowired
	DemoData demo;

	@Autowired
	Accounts accounts;

	@Autowired
	Projects projects;

	@Autowired
	ProjectMembers members;

	@Autowired
	BugQueries bugs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsTheAcmeOrganizationOnceWithEveryRoleAndBugsThatHaveLived() {
		DemoData.Loaded first = this.demo.load();
		assertThat(first.created()).isTrue();

		everyDemoPersonCanSignInWithTheDocumentedPassword();
		CurrentUser alice = Accounts
			.asCurrentUser(this.accounts.findByReference("admin@demo.fixpoint.dev").orElseThrow());
		List<Project> acme = this.projects.mine(alice);
		assertThat(acme).extracting(Project::key).containsExactlyInAnyOrder("WEB", "API", "MOB");
		assertThat(acme).allSatisfy(p -> assertThat(p.myRole()).isEqualTo(ProjectRole.ADMIN));
		assertThat(roles("MOB", alice)).containsEntry("maya", ProjectRole.ADMIN)
			.containsEntry("dora", ProjectRole.DEVELOPER)
			.containsEntry("quinn", ProjectRole.QA)
			.containsEntry("vic", ProjectRole.VIEWER)
			.containsEntry("dan", ProjectRole.VIEWER);
		assertThat(roles("WEB", alice).values()).contains(ProjectRole.values());

		Map<String, Integer> perStatus = bugsPerStatus();
		assertThat(perStatus.values().stream().mapToInt(Integer::intValue).sum()).isBetween(250, 400);
		assertThat(perStatus).containsKeys("open", "in_progress", "in_review", "resolved", "closed");
		assertThat(perStatus.get("closed")).isGreaterThan(10);
		aClosedBugHasItsWholeStoryInHistory(alice);
		itLooksLivedIn();

		DemoData.Loaded again = this.demo.load();
		assertThat(again.created()).isFalse();
		assertThat(bugsPerStatus()).isEqualTo(perStatus);
		assertThat(this.jdbc.sql("select count(*) from users where email like '%@demo.fixpoint.dev'")
			.query(Integer.class)
			.single()).isEqualTo(DemoPeople.ALL.size());
		assertThat(this.projects.mine(alice)).hasSize(3);
	}

	/**
	 * Months of history rather than "N min ago": spread filing dates, comments and
	 * attachments from the past, reopenings, SLA thresholds reached along the way, varied
	 * titles, and only a few unread notifications per person.
	 */
	private void itLooksLivedIn() {
		assertThat(integer("""
				select extract(day from max(b.created_at) - min(b.created_at))::int from bugs b
				join projects p on p.id = b.project_id where p.key = 'WEB'
				""")).as("days between the first and the last WEB bug").isGreaterThan(60);
		assertThat(integer("select count(*)::int from bugs where created_at < now() - interval '30 days'"))
			.as("bugs filed over a month ago")
			.isGreaterThan(100);
		assertThat(integer("select count(*)::int from comments where created_at < now() - interval '7 days'"))
			.as("comments from the past")
			.isGreaterThan(100);
		assertThat(integer("select count(*)::int from attachments")).as("attachments").isGreaterThan(20);
		assertThat(integer("""
				select count(distinct bug_id)::int from bug_history
				where field = 'status' and old_value = 'resolved' and new_value = 'open'
				""")).as("reopened bugs").isGreaterThan(3);
		assertThat(integer("select count(*)::int from sla_escalations where fired_at < now() - interval '7 days'"))
			.as("SLA thresholds reached weeks ago")
			.isGreaterThan(5);
		assertThat(integer("""
				select count(distinct b.title)::int * 100 / count(*)::int from bugs b
				join project_members m on m.project_id = b.project_id
				join users u on u.id = m.user_id where u.email = 'admin@demo.fixpoint.dev'
				""")).as("percent of distinct titles").isGreaterThan(85);
		assertThat(integer("""
				select max(n)::int from (select count(*) as n from notifications n join users u on u.id = n.user_id
				                         where u.email like '%@demo.fixpoint.dev' and n.read_at is null
				                         group by n.user_id) unread
				""")).as("most unread notifications of a demo person").isLessThanOrEqualTo(DemoFinish.UNREAD_AT_START);
		assertThat(integer("""
				select count(*)::int from notifications n join users u on u.id = n.user_id
				where u.email like '%@demo.fixpoint.dev'
				""")).as("notifications (read ones are the past)").isGreaterThan(100);
	}

	private int integer(String sql) {
		Integer value = this.jdbc.sql(sql).query(Integer.class).single();
		return value == null ? 0 : value;
	}

	private void everyDemoPersonCanSignInWithTheDocumentedPassword() {
		for (Person person : DemoPeople.ALL) {
			Api.Response login = this.api.post("/api/auth/login", null,
					Map.of("email", person.email(), "password", "demo-password-123"));
			assertThat(login.status()).as(person.email()).isEqualTo(200);
			assertThat(login.body().get("user").get("name").asString()).isEqualTo(person.name());
		}
	}

	private Map<String, ProjectRole> roles(String key, CurrentUser alice) {
		return this.members.list(key, alice).stream().collect(Collectors.toMap(m -> m.user().username(), Member::role));
	}

	private Map<String, Integer> bugsPerStatus() {
		return this.jdbc.sql("""
				select b.status, count(*)::int as n from bugs b
				join project_members m on m.project_id = b.project_id
				join users u on u.id = m.user_id
				where u.email = 'admin@demo.fixpoint.dev' group by b.status
				""")
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private void aClosedBugHasItsWholeStoryInHistory(CurrentUser alice) {
		BugListRequest closed = BugListRequest.builder().status(List.of("closed")).limit(100).build();
		List<Bug> page = this.bugs.list("API", closed, alice).items();
		assertThat(page).isNotEmpty().allSatisfy(bug -> {
			assertThat(bug.resolution()).isEqualTo("fixed");
			assertThat(bug.verifiedBy()).extracting(UserSummary::username).isEqualTo("quinn");
			assertThat(bug.closedAt()).isNotNull();
		});
		List<HistoryEntry> history = this.bugs.history(page.get(0).key(), alice);
		assertThat(history).filteredOn(h -> h.field().equals("status"))
			.extracting(HistoryEntry::newValue)
			.containsExactly("in_progress", "in_review", "resolved", "closed");
		assertThat(history).anySatisfy(h -> {
			assertThat(h.field()).isEqualTo("verified_by");
			assertThat(h.user().username()).isEqualTo("quinn");
		});
	}

}
