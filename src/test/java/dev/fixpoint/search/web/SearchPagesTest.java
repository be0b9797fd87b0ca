package dev.fixpoint.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page, the header's quick search and saved filters, as a browser without
 * JavaScript sees them.
 */
class SearchPagesTest extends IntegrationTest {

	private TestUser ann;

	private String project;

	private String other;

	private BrowserSession browser;

	@BeforeEach
	void signIn() {
		this.ann = this.api.newUser("Ann");
		this.project = this.api.newProject(this.ann).get("key").asString();
		this.api.newBug(this.ann, this.project, "Zeppelin payment fails at checkout", "critical");
		this.api.newBug(this.ann, this.project, "Zeppelin logo is blurry", "low");
		TestUser bob = this.api.newUser("Bob");
		this.other = this.api.newProject(bob).get("key").asString();
		this.api.newBug(bob, this.other, "Zeppelin payment secret of Bob", "high");
		this.browser = BrowserSession.signedIn(baseUrl(), this.api, this.ann);
	}

	@Test
	void findsMyBugsWithSnippetsAndBadgesButNotOtherProjects() {
		Page page = this.browser.get(search("zeppelin payment"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains(this.project + "-1", "Zeppelin payment fails at checkout", "Critical", "P2")
			.doesNotContain("secret of Bob");
		assertThat(page.body()).contains("<mark>", "value=\"zeppelin payment\"");
	}

	@Test
	void aBugKeyGoesStraightToTheBug() {
		Page page = this.browser.get(search(this.project + "-2"));
		assertThat(page.isRedirectTo("/bugs/" + this.project + "-2")).isTrue();
	}

	@Test
	void aBadQueryShowsTheMessageAndMarksWhereTheProblemIs() {
		Page page = this.browser.get(search("zeppelin severity:huge"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("'huge' is not a severity");
		assertThat(page.body()).contains("zeppelin severity:<mark>huge</mark>");
	}

	@Test
	void quickSearchAnswersAFragmentOfHits() {
		Page fragment = this.browser.htmxGet("/search/quick?q=zeppelin");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).contains("href=\"/bugs/" + this.project + "-1\"", "Zeppelin logo is blurry")
			.doesNotContain("<html", "secret of Bob");
		assertThat(this.browser.get("/projects").body()).contains("id=\"quick-search\"", "hx-get=\"/search/quick\"");
	}

	@Test
	void removingAChipDropsThatTermOnly() {
		Page page = this.browser.get(search("zeppelin severity:critical assignee:me"));
		assertThat(page.text()).contains("severity:critical", "assignee:me");
		assertThat(page.body()).contains("href=\"" + SearchRoutes.search(null, "assignee:me zeppelin") + "\"")
			.contains("href=\"" + SearchRoutes.search(null, "severity:critical zeppelin") + "\"");
	}

	@Test
	void addChipControlsWriteIntoTheQuery() {
		Page added = this.browser.get("/search?q=zeppelin&project=" + this.project + "&severity=low");
		assertThat(added.isRedirectTo(SearchRoutes.search(this.project, "severity:low zeppelin"))).isTrue();
		assertThat(this.browser.follow(added).text()).contains("Zeppelin logo is blurry")
			.doesNotContain("Zeppelin payment fails");
	}

	@Test
	void savedFilterIsSavedListedAppliedAndDeleted() {
		this.browser.get(SearchRoutes.search(this.project, "zeppelin severity:low"));
		Page saved = this.browser.post("/p/" + this.project + "/filters",
				Map.of("name", "Blurry things", "query", "zeppelin severity:low", "shared", "true"));
		assertThat(saved.isRedirectTo(SearchRoutes.search(this.project, "zeppelin severity:low"))).isTrue();
		assertThat(this.browser.follow(saved).text()).contains("Saved filter \"Blurry things\"");

		Page panel = this.browser.htmxGet("/p/" + this.project + "/filters");
		assertThat(panel.text()).contains("Blurry things", "shared");
		String apply = SearchRoutes.search(this.project, "zeppelin severity:low");
		assertThat(panel.body()).contains("href=\"" + apply.replace("&", "&amp;") + "\"");
		assertThat(this.browser.get(apply).text()).contains("Zeppelin logo is blurry")
			.doesNotContain("Zeppelin payment fails");

		String id = this.api.get("/api/projects/" + this.project + "/filters", this.ann.token())
			.body()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		Page deleted = this.browser.post("/filters/" + id + "/delete", Map.of("next", "/p/" + this.project + "/bugs"));
		assertThat(deleted.isRedirectTo("/p/" + this.project + "/bugs")).isTrue();
		assertThat(this.browser.htmxGet("/p/" + this.project + "/filters").text()).doesNotContain("Blurry things");
	}

	@Test
	void searchingInAProjectIAmNotAMemberOfIsNotFound() {
		assertThat(this.browser.get("/search?q=zeppelin&project=" + this.other).status()).isEqualTo(404);
	}

	@Test
	void moreResultsContinuesAfterTheLastHitAndHtmxGetsOnlyTheNextHits() {
		for (int i = 0; i < SearchPages.PAGE + 2; i++) {
			this.api.newBug(this.ann, this.project, "Quokka number " + i, "low");
		}
		Page first = this.browser.get(search("quokka"));
		assertThat(first.body()).contains("More results");
		String more = first.body()
			.replaceAll("(?s).*<a class=\"btn btn-sm\" href=\"([^\"]+)\" hx-get.*", "$1")
			.replace("&amp;", "&");
		assertThat(more).contains("cursor=");
		Page next = this.browser.htmxGet(more);
		assertThat(next.body()).contains("<li class=\"search-hit card\">").doesNotContain("<html", "More results");
		assertThat(next.body().split("search-hit card").length - 1).isEqualTo(2);
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() {
		Page page = BrowserSession.anonymous(baseUrl(), this.api).get(search("zeppelin"));
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).contains("/login");
	}

	private static String search(String q) {
		return "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
	}

}
