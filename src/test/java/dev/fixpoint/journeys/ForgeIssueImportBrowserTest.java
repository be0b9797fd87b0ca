package dev.fixpoint.journeys;

import java.util.Map;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.imports.ImportJobs;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A project admin imports a linked GitHub repository's issues from the integration page:
 * the dry run's report, then the import with its progress bar and summary (the imports
 * module's job page), and the link's last import on the integration page. WireMock stands
 * in for GitHub Enterprise. Screenshots in target/screenshots/forge.
 */
class ForgeIssueImportBrowserTest extends BrowserTest {

	@Autowired
	ApplicationContext context;

	private WireMockServer github;

	private ImportJobs jobs;

	@BeforeEach
	void forge() {
		this.jobs = new ImportJobs(this.context);
		this.jobs.runAll();
		this.github = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.github.start();
	}

	@AfterEach
	void stop() {
		this.github.stop();
	}

	@Test
	void anAdminDryRunsThenImportsTheLinkedRepositorysIssues() {
		TestUser admin = this.api.newPerson("Dana Whitfield");
		String key = "GI" + (int) (Math.random() * 9000 + 1000);
		this.api.post("/api/projects", admin.token(), Map.of("name", "Web Shop", "key", key));
		String repo = "octo-shop/web-" + key.toLowerCase();
		Api.Response link = this.api.post("/api/projects/" + key + "/integrations", admin.token(),
				Map.of("forge", "github", "repository", repo, "instance_url", this.github.baseUrl(), "access_token",
						"ghp-browser-token"));
		org.assertj.core.api.Assertions.assertThat(link.status()).as(link.raw()).isEqualTo(201);
		stubIssues(repo);

		signIn(this.page, admin);
		open("/p/" + key + "/settings/integrations");
		Locator section = this.page.locator(".issue-import");
		assertThat(section).containsText("Import issues");
		section.getByLabel("Closed issues become").selectOption("closed");
		section.getByLabel("Labels for priority and severity").fill("urgent = P0");
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dry run")).click();
		assertThat(this.page).hasURL(Pattern.compile("/p/" + key + "/imports/[0-9a-f-]{36}$"));
		assertThat(this.page.locator("#import-state")).hasText("queued");
		this.jobs.runAll();
		// the progress fragment polls itself until the job is finished
		assertThat(this.page.locator("#import-state")).hasText("done");
		assertThat(this.page.locator("#import-created")).hasText("3");
		assertThat(this.page.locator(".import-report")).containsText("closed");

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 3 bugs")).click();
		assertThat(this.page.locator("#import-state")).hasText("queued");
		this.jobs.runAll();
		assertThat(this.page.locator("#import-state")).hasText("done");
		assertThat(this.page.locator("#import-created")).hasText("3");
		assertThat(this.page.locator("#import-comments")).hasText("0");
		assertThat(this.page.locator("#import-bar")).hasAttribute("value", "100");
		String summary = this.page.url().substring(baseUrl().length());

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the bugs")).click();
		assertThat(this.page.locator("tbody")).containsText("Checkout crashes on an empty cart");

		open("/p/" + key + "/settings/integrations");
		assertThat(this.page.locator(".last-import")).containsText("done");
		assertThat(this.page.locator(".last-import progress")).hasAttribute("value", "100");
		for (Look look : LOOKS) {
			screenshotAs(admin, look, "/p/" + key + "/settings/integrations", "forge/import-settings");
			screenshotAs(admin, look, summary, "forge/import-summary");
		}
	}

	private void stubIssues(String repo) {
		String issues = "/api/v3/repos/" + repo + "/issues";
		String next = "<" + this.github.baseUrl() + issues + "?state=all&per_page=100&page=2>";
		this.github.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("1"))
			.willReturn(json("[" + issue(repo, 1, "Checkout crashes on an empty cart", "open", "\"priority: high\"")
					+ ", " + issue(repo, 2, "Coupon field accepts spaces", "open", "\"urgent\"") + "]")
				.withHeader("Link", next + "; rel=\"next\", " + next + "; rel=\"last\"")));
		this.github.stubFor(get(urlPathEqualTo(issues)).withQueryParam("page", equalTo("2"))
			.willReturn(json("[" + issue(repo, 3, "Old layout glitch", "closed", "") + "]")));
		this.github.stubFor(get(urlPathEqualTo("/api/v3/users/octocat"))
			.willReturn(json("{\"login\": \"octocat\", \"name\": \"The Octocat\"}")));
	}

	private static String issue(String repo, int number, String title, String state, String labels) {
		return """
				{"number": %d, "title": "%s", "body": "Seen in production.", "state": "%s",
				 "html_url": "https://ghe.example.com/%s/issues/%d", "user": {"login": "octocat"},
				 "labels": [%s], "comments": 0, "created_at": "2024-03-0%dT08:00:00Z",
				 "updated_at": "2024-03-0%dT09:00:00Z", "closed_at": %s}
				""".formatted(number, title, state, repo, number, labels.isEmpty() ? "" : "{\"name\": " + labels + "}",
				number, number, state.equals("closed") ? "\"2024-04-01T00:00:00Z\"" : "null");
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

}
