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

		DemoData.Loaded again = this.demo.load();
		assertThat(again.created()).isFalse();
		assertThat(bugsPerStatus()).isEqualTo(perStatus);
		assertThat(this.jdbc.sql("select count(*) from users where email like '%@demo.fixpoint.dev'")
			.query(Integer.class)
			.single()).isEqualTo(DemoPeople.ALL.size());
		assertThat(this.projects.mine(alice)).hasSize(3);
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
