package dev.fixpoint.platform.web;

import java.sql.Timestamp;
import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading pages does not write the session (Spring Session JDBC's last access time). */
class SessionWritesTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

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

	private Map<String, Timestamp> sessions() {
		return this.jdbc.sql("select session_id, last_access_time from spring_session")
			.query((rs, n) -> Map.entry(rs.getString(1), new Timestamp(rs.getLong(2))))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
