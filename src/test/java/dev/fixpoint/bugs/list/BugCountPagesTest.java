package dev.fixpoint.bugs.list;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists and board columns say how many bugs match, exactly up to 1,000 and "1,000+" past
 * it.
 */
class BugCountPagesTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void smallCountsAreExactAndBigOnesAreCappedOnTheListAndTheBoard() {
		TestUser ann = this.api.newUser("Ann");
		String project = this.api.newProject(ann).get("key").asString();
		this.api.newBug(ann, project, "Checkout button does nothing", "critical");
		this.api.newBug(ann, project, "Slow search", "low");
		var session = BrowserSession.signedIn(baseUrl(), this.api, ann);

		assertThat(session.get("/p/" + project + "/bugs?limit=1").text()).contains("2 bugs");
		assertThat(session.get("/p/" + project + "/bugs?severity=low").text()).contains("1 bug");

		// 1,001 more open bugs, straight into the table: over HTTP this would take a
		// while
		this.jdbc.sql("""
				insert into bugs (id, project_id, number, title, severity, status, reporter_id)
				select gen_random_uuid(), p.id, 100 + n, 'Generated bug ' || n, 'medium', 'open', :reporter
				from projects p, generate_series(1, 1001) n where p.key = :key
				""").param("reporter", ann.id()).param("key", project).update();

		assertThat(session.get("/p/" + project + "/bugs").text()).contains("1,000+ bugs");
		assertThat(session.get("/p/" + project + "/bugs?severity=critical").text()).contains("1 bug")
			.doesNotContain("1,000+");
		String board = session.get("/p/" + project + "/board").body();
		assertThat(board).contains("title=\"1,000+ bug(s)\">1,000+</span>", "Show all 1,000+ in the list");
	}

}
