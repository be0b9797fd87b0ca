package dev.fixpoint.platform.web;

import java.sql.Timestamp;
import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Statements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading pages does not write the session (Spring Session JDBC's last access time), and
 * concurrent writes of one session do not fail.
 */
class SessionWritesTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionRepository<? extends Session> sessionRepository;

	@Test
	void pageViewsDoNotUpdateTheStoredSession() {
		TestUser ann = this.api.newUser("Ann");
		String project = this.api.newProject(ann).get("key").asString();
		this.api.newBug(ann, project, "Checkout button does nothing", "high");
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);
		Map<String, Timestamp> before = sessions();

		for (int i = 0; i < 10; i++) {
			assertThat(browser.get("/bugs/" + project + "-1").text()).contains("Checkout button does nothing");
			assertThat(browser.get("/p/" + project + "/bugs").status()).isEqualTo(200);
		}

		// every session row as it was: no UPDATE of spring_session moved a last access
		// time
		assertThat(sessions()).isEqualTo(before).isNotEmpty();
	}

	/**
	 * A page larger than the response buffer (8 KB) is committed before the request ends:
	 * Spring Session saves the session then and again at the end, and that second save
	 * asks for the session once more, which read it from the database again (two reads
	 * per bug page). The report here alone is larger than the buffer.
	 */
	@Test
	void aLargePageReadsTheSessionOnce() {
		TestUser ann = this.api.newUser("Ann");
		String project = this.api.newProject(ann).get("key").asString();
		String key = this.api
			.post("/api/projects/" + project + "/bugs", ann.token(), Map.of("title", "Export stalls on large files",
					"severity", "high", "description", "The export stops at 99%. ".repeat(600)))
			.body()
			.get("key")
			.asString();
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);
		browser.get("/bugs/" + key);

		Statements.Counted<String> counted = Statements.countEverywhere(() -> browser.get("/bugs/" + key).body());

		// the whole page
		assertThat(counted.result().strip()).contains("Export stalls on large files").endsWith("</html>");
		assertThat(counted.sql().stream().filter(sql -> sql.contains("FROM SPRING_SESSION S"))).hasSize(1);
	}

	/**
	 * The same for an answer that is no page (a download written by a message converter,
	 * committed as soon as its known length is written): one session read.
	 */
	@Test
	void aLargeDownloadReadsTheSessionOnce() {
		TestUser ann = this.api.newUser("Ann");
		String project = this.api.newProject(ann).get("key").asString();
		this.api.newBug(ann, project, "Export stalls on large files", "high");
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);
		// a year by day: a table of 366 rows, some 30 KB
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		String pdf = "/p/" + project + "/analytics/export.pdf?interval=day&from=" + today.minusDays(365) + "&to="
				+ today;
		browser.get(pdf);

		Statements.Counted<BrowserSession.Page> counted = Statements.countEverywhere(() -> browser.get(pdf));

		assertThat(counted.result().status()).isEqualTo(200);
		assertThat(Integer.parseInt(counted.result().header("Content-Length"))).isGreaterThan(8192);
		assertThat(counted.sql().stream().filter(sql -> sql.contains("FROM SPRING_SESSION S"))).hasSize(1);
	}

	/**
	 * Two sessions of one person store the same bytes for their security context, read
	 * through one remembered value ({@link RememberedSessionValues}): signing out of one
	 * ends that one only, and its cookie no longer signs anyone in.
	 */
	@Test
	void signingOutOfOneOfTwoSessionsOfAPersonEndsThatOneOnly() {
		TestUser ann = this.api.newUser("Ann");
		String project = this.api.newProject(ann).get("key").asString();
		this.api.newBug(ann, project, "Logout leaves a tab signed in", "high");
		BrowserSession laptop = BrowserSession.signedIn(baseUrl(), this.api, ann);
		BrowserSession phone = BrowserSession.signedIn(baseUrl(), this.api, ann);
		String bug = "/bugs/" + project + "-1";
		assertThat(laptop.get(bug).text()).contains("Logout leaves a tab signed in");
		assertThat(phone.get(bug).text()).contains("Logout leaves a tab signed in");

		assertThat(laptop.post("/logout", Map.of()).location()).isEqualTo("/login?logged_out");

		assertThat(laptop.get(bug).location()).startsWith("/login");
		assertThat(phone.get(bug).text()).contains("Logout leaves a tab signed in");
		assertThat(phone.get(bug).text()).contains("Logout leaves a tab signed in");
	}

	/**
	 * Two requests of one session (loaded before either saved) that both add the same
	 * attribute: the second save replaces the first's value instead of failing on the
	 * attribute table's primary key (it answered 500 to a browser's parallel requests
	 * right after signing in).
	 */
	@Test
	void concurrentRequestsAddingTheSameAttributeBothSave() {
		@SuppressWarnings("unchecked")
		SessionRepository<Session> store = (SessionRepository<Session>) this.sessionRepository;
		Session created = store.createSession();
		store.save(created);
		Session first = store.findById(created.getId());
		Session second = store.findById(created.getId());

		first.setAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN", "a");
		second.setAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN", "b");
		store.save(first);
		store.save(second);

		assertThat(store.findById(created.getId())
			.<String>getAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN"))
			.isEqualTo("b");
		store.deleteById(created.getId());
	}

	private Map<String, Timestamp> sessions() {
		return this.jdbc.sql("select session_id, last_access_time from spring_session")
			.query((rs, n) -> Map.entry(rs.getString(1), new Timestamp(rs.getLong(2))))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
