package dev.fixpoint.mywork;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * My work at {@code /}, across projects: each list holds what it says and only that, in
 * its order; the lists page on by keyset cursors; the project cards count.
 */
class MyWorkPageTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private TestUser admin, dev, viewer;

	private String shop, gateway;

	@BeforeEach
	void projects() {
		this.admin = this.api.newUser("Admin");
		this.dev = this.api.newUser("Dev");
		this.viewer = this.api.newUser("Viewer");
		this.shop = this.api.newProject(this.admin).get("key").asString();
		this.gateway = this.api.newProject(this.admin).get("key").asString();
		for (String key : List.of(this.shop, this.gateway)) {
			this.api.addMember(this.admin, key, this.dev, "developer");
			this.api.addMember(this.admin, key, this.viewer, "viewer");
		}
	}

	@Test
	void myWorkListsWhatIsMineAcrossProjectsMostImportantFirst() {
		LocalDate today = this.clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
		String minor = file(this.shop, "Tooltip is cut off", "low", "P3", this.dev, today.plusDays(3));
		String urgent = file(this.gateway, "Token refresh fails", "critical", "P0", this.dev, null);
		String later = file(this.shop, "Export is slow", "medium", "P2", this.dev, today.plusDays(30));
		// as important as "later", due sooner: before it
		String soon = file(this.shop, "Receipt email is late", "low", "P2", this.dev, today.plusDays(5));
		String done = file(this.shop, "Old crash", "high", "P1", this.dev, null);
		patch(done, Map.of("status", "resolved", "resolution", "fixed"));
		String reported = this.api
			.post("/api/projects/" + this.shop + "/bugs", this.dev.token(), Api.body("title", "Search ignores accents",
					"severity", "medium", "assignee_id", this.admin.id().toString()))
			.body()
			.get("key")
			.asString();
		String watched = file(this.gateway, "Rate limit headers missing", "medium", "P2", null, null);
		assertThat(this.api.post("/api/bugs/" + watched + "/watchers", this.dev.token(), Map.of()).status())
			.isEqualTo(200);
		String atRisk = file(this.shop, "Checkout times out", "high", "P1", null, null);
		this.jdbc
			.sql("update bugs set sla_state = 'breached' where id = (select b.id from bugs b join projects p "
					+ "on p.id = b.project_id where p.key || '-' || b.number = :key)")
			.param("key", atRisk)
			.update();
		this.api.post("/api/bugs/" + urgent + "/comments", this.admin.token(), Map.of("content", "Customers see it."));

		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		BrowserSession.Page home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		Document page = Jsoup.parse(home.body());
		assertThat(keysIn(page, "#my-assigned")).containsExactly(urgent, soon, later, minor);
		assertThat(keysIn(page, "#my-due-soon")).containsExactly(minor, soon);
		assertThat(keysIn(page, "#my-sla-at-risk")).containsExactly(atRisk);
		assertThat(keysIn(page, "#my-reported")).containsExactly(reported);
		assertThat(keysIn(page, "#my-watching")).containsExactly(watched);
		assertThat(page.select("#my-activity").text()).contains(this.admin.name() + " commented on " + urgent);
		assertThat(page.select("#my-assigned").text()).contains("due " + today.plusDays(3), "Critical")
			.doesNotContain(done);
		// the project cards count open bugs and the caller's
		assertThat(page.select(".work-project:has(a.key:contains(" + this.shop + ")) .work-counts").text())
			.isEqualTo("5 open 3 yours");
		assertThat(page.select(".work-project:has(a.key:contains(" + this.gateway + ")) .work-counts").text())
			.isEqualTo("2 open 1 yours");

		Document forViewer = Jsoup.parse(BrowserSession.signedIn(baseUrl(), this.api, this.viewer).get("/").body());
		assertThat(keysIn(forViewer, "#my-assigned")).isEmpty();
		assertThat(forViewer.select("#my-assigned").text()).contains("No open bugs are assigned to you.");
		assertThat(keysIn(forViewer, "#my-sla-at-risk")).containsExactly(atRisk);
	}

	@Test
	void eachListPagesOnWithACursorAndSaysWhereToRefineIt() {
		for (int i = 0; i < 27; i++) {
			file(i % 2 == 0 ? this.shop : this.gateway, "Flaky test " + i, "low", "P" + (i % 4), this.dev, null);
		}
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.dev);
		Document first = Jsoup.parse(browser.get("/my/assigned").body());
		List<String> keys = new ArrayList<>(keysIn(first, ".work-rows"));
		assertThat(keys).hasSize(25);
		assertThat(first.select("a:contains(Refine in search)").attr("href"))
			.isEqualTo("/search?q=assignee%3Ame+is%3Aopen+sort%3Aurgency");
		String next = first.select("a:contains(Next page)").attr("href");
		assertThat(next).startsWith("/my/assigned?cursor=");
		Document second = Jsoup.parse(browser.get(next).body());
		keys.addAll(keysIn(second, ".work-rows"));
		assertThat(keys).hasSize(27).doesNotHaveDuplicates();
		assertThat(second.select("a:contains(Next page)")).isEmpty();
		assertThat(browser.get("/my/everything").status()).isEqualTo(404);
	}

	private String file(String project, String title, String severity, String priority, TestUser assignee,
			LocalDate due) {
		Map<String, Object> body = Api.body("title", title, "severity", severity, "priority", priority, "assignee_id",
				assignee == null ? null : assignee.id().toString(), "due_date", due == null ? null : due.toString());
		Api.Response created = this.api.post("/api/projects/" + project + "/bugs", this.admin.token(), body);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.body().get("key").asString();
	}

	private void patch(String bug, Map<String, Object> body) {
		assertThat(this.api.patch("/api/bugs/" + bug, this.admin.token(), body).status()).isEqualTo(200);
	}

	private static List<String> keysIn(Document page, String section) {
		return page.select(section + " .work-row .bug-key").eachText();
	}

}
