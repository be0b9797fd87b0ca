package dev.fixpoint.bugs.board;

import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board as a browser without JavaScript sees it, and moving cards through its forms.
 */
class BoardPageTest extends IntegrationTest {

	private TestUser ann;

	private String project;

	@BeforeEach
	void project() {
		this.ann = this.api.newUser("Ann");
		this.project = this.api.newProject(this.ann).get("key").asString();
	}

	@Test
	void columnsFollowTheWorkflowAndQaCanOnlyDropWhereTheirRoleAllows() {
		String open = bug("Checkout button does nothing", "critical");
		String working = bug("Slow search", "low");
		String resolved = bug("Typo in footer", "medium");
		this.api.patch("/api/bugs/" + working, this.ann.token(), Map.of("status", "in_progress"));
		this.api.patch("/api/bugs/" + resolved, this.ann.token(), Map.of("status", "resolved", "resolution", "fixed"));
		TestUser quinn = this.api.newUser("Quinn");
		this.api.addMember(this.ann, this.project, quinn, "qa");

		Page board = BrowserSession.signedIn(baseUrl(), this.api, quinn).get("/p/" + this.project + "/board");

		assertThat(board.status()).isEqualTo(200);
		String html = board.body();
		assertThat(html).containsSubsequence("data-status=\"open\"", "data-status=\"in_progress\"",
				"data-status=\"in_review\"", "data-status=\"resolved\"", "data-status=\"closed\"");
		assertThat(column(html, "open")).contains(open).doesNotContain(working, resolved);
		assertThat(column(html, "in_progress")).contains(working).doesNotContain(open);
		assertThat(column(html, "resolved")).contains(resolved);
		// QA may only reopen (resolved → open): open and in-progress cards have no drop
		// targets
		assertThat(html).contains("data-bug=\"" + open + "\" data-targets=\"\"",
				"data-bug=\"" + working + "\" data-targets=\"\"",
				"data-bug=\"" + resolved + "\" data-targets=\"open\"");
		assertThat(board.text()).contains("Board", "Triage");
		assertThat(html).doesNotContain("/settings/workflow");
	}

	@Test
	void adminSeesEveryAllowedTargetAndTheMovesThatNeedFields() {
		String open = bug("Checkout button does nothing", "critical");
		Page board = signIn().get("/p/" + this.project + "/board");
		assertThat(board.body()).contains("data-bug=\"" + open + "\" data-targets=\"in_progress resolved\" "
				+ "data-needs=\"resolved:resolution\"", "href=\"/p/" + this.project + "/settings/workflow\"");
	}

	@Test
	void theMoveFormChangesTheStatusAndARefusedMoveSaysWhy() {
		String key = bug("Checkout button does nothing", "critical");
		BrowserSession browser = signIn();
		browser.get("/p/" + this.project + "/board");

		Page moved = browser.post("/p/" + this.project + "/board/move?assignee=me",
				Map.of("bug", key, "status", "in_progress", "version", "1"));
		assertThat(moved.status()).isEqualTo(302);
		assertThat(moved.header("Location")).endsWith("/p/" + this.project + "/board?assignee=me");
		assertThat(status(key)).isEqualTo("in_progress");

		Page refused = browser.post("/p/" + this.project + "/board/move",
				Map.of("bug", key, "status", "closed", "version", "2"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("The workflow has no transition from 'in_progress' to 'closed'");
		assertThat(status(key)).isEqualTo("in_progress");
	}

	@Test
	void aMoveThatNeedsAResolutionAsksForItOnThePage() {
		String key = bug("Checkout button does nothing", "critical");
		BrowserSession browser = signIn();
		browser.get("/p/" + this.project + "/board");

		Page asked = browser.post("/p/" + this.project + "/board/move",
				Map.of("bug", key, "status", "resolved", "version", "1"));
		assertThat(asked.status()).isEqualTo(422);
		assertThat(asked.text()).contains("Move " + key + " to Resolved", "'Resolve' requires resolution");
		assertThat(asked.body()).contains("name=\"set.resolution\"");

		Page moved = browser.post("/p/" + this.project + "/board/move",
				Map.of("bug", key, "status", "resolved", "version", "1", "set.resolution", "fixed"));
		assertThat(moved.status()).isEqualTo(302);
		assertThat(status(key)).isEqualTo("resolved");
	}

	@Test
	void aScriptedMoveGetsTheColumnsFragment() {
		String key = bug("Checkout button does nothing", "critical");
		BrowserSession browser = signIn();
		browser.get("/p/" + this.project + "/board");
		Page fragment = browser.post("/p/" + this.project + "/board/move",
				Map.of("bug", key, "status", "in_progress", "version", "1"), Map.of("HX-Request", "true"));
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("id=\"board\"", key + " moved").doesNotContain("<html");
		assertThat(column(fragment.body(), "in_progress")).contains(key);
	}

	@Test
	void filtersShowOnlyMyBugsOfOneSeverity() {
		String mine = bug("Checkout button does nothing", "critical");
		String other = bug("Typo in footer", "critical");
		String low = bug("Slow search", "low");
		this.api.patch("/api/bugs/" + mine, this.ann.token(), Map.of("assignee_id", this.ann.id().toString()));
		this.api.patch("/api/bugs/" + low, this.ann.token(), Map.of("assignee_id", this.ann.id().toString()));
		Page board = signIn().get("/p/" + this.project + "/board?assignee=me&severity=critical");
		assertThat(board.body()).contains("data-bug=\"" + mine + "\"")
			.doesNotContain("data-bug=\"" + other + "\"", "data-bug=\"" + low + "\"");
	}

	private BrowserSession signIn() {
		return BrowserSession.signedIn(baseUrl(), this.api, this.ann);
	}

	private String bug(String title, String severity) {
		return this.api.newBug(this.ann, this.project, title, severity).get("key").asString();
	}

	private String status(String key) {
		return this.api.get("/api/bugs/" + key, this.ann.token()).body().get("status").asString();
	}

	/** The markup of one column, from its section to the next. */
	private static String column(String html, String status) {
		int start = html.indexOf("data-status=\"" + status + "\"");
		assertThat(start).as("column " + status).isNotNegative();
		int end = html.indexOf("class=\"board-col\"", start);
		return html.substring(start, end < 0 ? html.length() : end);
	}

}
