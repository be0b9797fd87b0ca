package dev.fixpoint.bugs;

import java.util.List;
import java.util.Map;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Statements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What filing a bug sends to PostgreSQL inside its transaction, counted statement by
 * statement ({@link Statements}): the change and its own data (SLA clock, rollups, the
 * automatic watches) and, for fan-out, one outbox row; the notifications and email items
 * come after the commit. Prints the statements: the numbers in docs/ARCHITECTURE.md come
 * from here.
 */
class FilingStatementsTest extends IntegrationTest {

	@Autowired
	BugManagement bugs;

	@Autowired
	Accounts accounts;

	@Autowired
	ProjectAccess access;

	private TestUser admin;

	private TestUser dev;

	private String project;

	@BeforeEach
	void setUp() {
		this.admin = this.api.newUser("Admin");
		this.dev = this.api.newUser("Dev");
		this.project = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.project, this.dev, "developer");
		file("Warm-up", null, List.of()); // the first filing reads what later ones find
											// cached
	}

	@Test
	void aPlainFilingWritesNoFanOutInItsTransaction() {
		List<String> filing = file("Crash on save", null, List.of()).firstTransaction();
		print("plain", filing);
		// one outbox statement hands the filing to live (lists, boards) after the commit
		// (and to triage for its embedding when the model runs; with it off, as in
		// tests, triage's title row is written in the filing's transaction); nothing is
		// fanned out in its transaction
		assertThat(filing).filteredOn(sql -> sql.contains("insert into outbox")).hasSize(1);
		assertThat(filing).noneMatch(sql -> sql.contains("insert into notifications") || sql.contains("email_items")
				|| sql.contains("pg_notify"));
		// the bug, its rendered report and the other modules' rows of a new bug (SLA
		// clock, the reporter's watch, triage's title row, the rollups' deltas:
		// FiledBugRows): one statement
		List<String> own = List.of("insert into bugs", "insert into bug_texts_html", "insert into bug_sla",
				"insert into bug_watchers", "insert into triage_vectors", "insert into analytics_daily_delta");
		for (String insert : own) {
			assertThat(filing).as(insert).filteredOn(sql -> sql.contains(insert)).hasSize(1);
		}
		assertThat(filing).filteredOn(sql -> own.stream().allMatch(sql::contains)).hasSize(1);
		// its number too: drawn by the same statement, no statement of its own
		assertThat(filing).filteredOn(sql -> sql.contains("next_bug_number")).hasSize(1);
		assertThat(filing).filteredOn(sql -> sql.contains("next_bug_number") && sql.contains("insert into bugs"))
			.hasSize(1);
		assertThat(filing).as("statements in the filing transaction").hasSizeLessThanOrEqualTo(4);
	}

	@Test
	void anAssignedFilingHandsItsNotificationToTheOutboxInOneStatement() {
		Statements.Counted<Bug> counted = file("Crash on export", this.dev.id(), List.of("export", "ui"));
		List<String> filing = counted.firstTransaction();
		print("assigned, two tags", filing);
		assertThat(filing).filteredOn(sql -> sql.contains("insert into outbox")).hasSize(1);
		assertThat(filing).noneMatch(sql -> sql.contains("insert into notifications") || sql.contains("email_items")
				|| sql.contains("pg_notify"));
		assertThat(filing)
			.filteredOn(sql -> sql.contains("insert into bugs") && sql.contains("insert into bug_watchers")
					&& sql.contains("insert into analytics_daily_tags_delta"))
			.hasSize(1);
		assertThat(filing).as("statements in the filing transaction").hasSizeLessThanOrEqualTo(6);
		// delivered after the commit, on this thread in tests
		// (fixpoint.outbox.after-commit=caller)
		assertThat(counted.sql().subList(filing.size(), counted.sql().size()))
			.anyMatch(sql -> sql.contains("insert into notifications"));
	}

	/**
	 * The number is drawn by the bug's statement only while the workflow the filing read
	 * (with the membership) still has the status it files in; a workflow replaced in
	 * between sends the filing to the number and status under the project's lock, as
	 * before: the new workflow's initial status, the next number, no gap.
	 */
	@Test
	void aFilingWhoseWorkflowWasReplacedMeanwhileStartsInTheNewOne() {
		CurrentUser reporter = Accounts.asCurrentUser(this.accounts.find(this.admin.id()).orElseThrow());
		Membership before = this.access.require(this.project, reporter, ProjectAction.CREATE_BUG);
		int last = file("Before", null, List.of()).result().number();
		Map<String, Object> replaced = Map.of("statuses",
				List.of(Map.of("key", "triage", "name", "Triage", "category", "todo", "initial", true),
						Map.of("key", "done", "name", "Done", "category", "done")),
				"transitions",
				List.of(Map.of("from", "triage", "to", "done", "name", "Finish"),
						Map.of("from", "done", "to", "triage", "name", "Reopen")),
				"status_mapping", Map.of("open", "triage"));
		var saved = this.api.put("/api/projects/" + this.project + "/workflow", this.admin.token(), replaced);
		assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
		NewBug report = new NewBug("After the change", "It crashes.", "1. Save", "Saved", "Crashed", Map.of(),
				Severity.HIGH, Priority.P2, null, null, List.of(), null);
		Bug filed = this.bugs.report(before, report);
		assertThat(filed.status()).isEqualTo("triage");
		assertThat(filed.number()).isEqualTo(last + 1);
		assertThat(this.api.get("/api/bugs/" + filed.key(), this.admin.token()).body().get("status").asString())
			.isEqualTo("triage");
	}

	private Statements.Counted<Bug> file(String title, java.util.UUID assignee, List<String> tags) {
		CurrentUser reporter = Accounts.asCurrentUser(this.accounts.find(this.admin.id()).orElseThrow());
		NewBug report = new NewBug(title, "It crashes.", "1. Save", "Saved", "Crashed", Map.of(), Severity.HIGH,
				Priority.P2, assignee, null, tags, null);
		return Statements.count(() -> this.bugs.report(this.project, report, reporter));
	}

	private static void print(String what, List<String> sql) {
		System.out.printf("[filing statements] %s: %d%n", what, sql.size());
		sql.forEach(s -> System.out.println("    " + s.strip().replaceAll("\\s+", " ")));
	}

}
