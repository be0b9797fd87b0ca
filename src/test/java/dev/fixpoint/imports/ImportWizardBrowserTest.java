package dev.fixpoint.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A project admin moves a Jira export in: upload, the dry run's report, the mapping step
 * (preview with each row's warnings, a status and a person mapped, dry run again), the
 * run, the summary, the undo; and a long import's progress bar moving live. Screenshots
 * at desktop and phone width, light and dark, in target/screenshots/imports.
 */
class ImportWizardBrowserTest extends BrowserTest {

	@Autowired
	ImportRunner runner;

	private TestUser admin;

	private TestUser fox;

	private String key;

	@BeforeEach
	void project() {
		while (this.runner.runNext()) {
			// other tests' leftovers
		}
		this.admin = this.api.newPerson("Grace Hopper");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.fox = this.api.newPerson("Fox Mulder");
		this.api.addMember(this.admin, this.key, this.fox, "developer");
	}

	@Test
	void anAdminDryRunsAJiraExportThenImportsIt() {
		signIn(this.page, this.admin);
		this.page.navigate(baseUrl() + "/p/" + this.key + "/members");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import bugs")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import bugs")))
			.isVisible();
		shootAll("/p/" + this.key + "/imports", "start", null);
		this.page.getByLabel("Exported from").selectOption("jira_csv");
		this.page.getByLabel("Export file").setInputFiles(fixture("jira-export.csv"));
		this.page.getByLabel("Address of the old tracker").fill("https://acme.atlassian.net");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and dry run")).click();
		assertThat(this.page).hasURL(Pattern.compile("/p/" + this.key + "/imports/[0-9a-f-]{36}$"));
		assertThat(this.page.locator("#import-state")).hasText("queued");
		this.runner.runNext();
		// the progress fragment polls itself until the job is finished
		assertThat(this.page.locator("#import-state")).hasText("done");
		assertThat(this.page.locator("#import-created")).hasText("5");
		assertThat(this.page.locator("#import-warnings")).containsText("status 'Waiting for customer' is not mapped");
		assertThat(this.page.locator(".import-people")).containsText("Dana Scully");
		shootAll(this.page.url().substring(baseUrl().length()), "dry-run", "#import-warnings");

		// the mapping step: the first rows as they would be imported, each row's warnings
		// inline
		assertThat(this.page.locator("#import-preview")).containsText("Login button does nothing on Safari 17");
		assertThat(this.page.locator("#import-preview .row-warnings"))
			.containsText(new String[] { "no Summary: skipped", "status 'Waiting for customer' is not mapped: Open" });
		shootAll(this.page.url().substring(baseUrl().length()), "mapping", "#import-preview");
		this.page.getByLabel("Status for Waiting for customer").selectOption("in_progress");
		this.page.getByLabel("Member for Dana Scully").selectOption(this.fox.email());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dry run again with this mapping"))
			.click();
		assertThat(this.page.locator("#import-state")).hasText("queued");
		this.runner.runNext();
		assertThat(this.page.locator("#import-state")).hasText("done");
		assertThat(this.page.locator("#import-warnings")).not().containsText("Waiting for customer");
		assertThat(this.page.locator(".import-people")).not().containsText("Dana Scully");

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 5 bugs")).click();
		assertThat(this.page.locator("#import-state")).hasText("queued");
		this.runner.runNext();
		assertThat(this.page.locator("#import-state")).hasText("done");
		assertThat(this.page.locator("#import-created")).hasText("5");
		assertThat(this.page.locator("#import-comments")).hasText("2");
		assertThat(this.page.locator("#import-bar")).hasAttribute("value", "100");
		String summary = this.page.url();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the bugs")).click();
		assertThat(this.page.locator("tbody")).containsText("Checkout total rounds VAT twice");

		// nothing changed since: the import can be undone
		this.page.navigate(summary);
		this.page.onceDialog(dialog -> dialog.accept());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo this import")).click();
		assertThat(this.page.locator("#import-state")).hasText("undone");
		this.page.navigate(baseUrl() + "/p/" + this.key + "/bugs");
		assertThat(this.page.locator("body")).not().containsText("Checkout total rounds VAT twice");
	}

	@Test
	void theProgressBarMovesWhileABigImportRuns() {
		StringBuilder csv = new StringBuilder("id,title,status,priority,severity,created\n");
		for (int i = 1; i <= 1500; i++) {
			csv.append(i)
				.append(",Imported bug ")
				.append(i)
				.append(',')
				.append(i % 3 == 0 ? "closed" : "open")
				.append(",P")
				.append(i % 4)
				.append(',')
				.append(List.of("critical", "high", "medium", "low").get(i % 4))
				.append(",2024-01-01\n");
		}
		Api.Response started = new Multipart(baseUrl(), this.json).upload("/api/projects/" + this.key + "/imports",
				this.admin.token(), "file", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
				Map.of("source", "csv", "dry_run", "false"));
		String path = "/p/" + this.key + "/imports/" + started.body().get("id").asString();
		this.runner.runNext(1); // one batch of three, then the node "stops"
		signIn(this.page, this.admin);
		this.page.navigate(baseUrl() + path);
		assertThat(this.page.locator("#import-state")).hasText("running");
		assertThat(this.page.locator("#import-bar")).hasAttribute("value", "33");
		assertThat(this.page.locator(".import-state")).containsText("500 of 1500 rows");
		shootAll(path, "progress", "#import-bar");
		this.clock.advance(java.time.Duration.ofMinutes(2));
		try {
			this.runner.runNext();
		}
		finally {
			this.clock.reset();
		}
		assertThat(this.page.locator("#import-state")).hasText("done");
		assertThat(this.page.locator("#import-created")).hasText("1500");
	}

	private static Path fixture(String name) {
		return Paths.get("src", "test", "resources", "imports", name);
	}

	private void shootAll(String path, String name, String waitFor) {
		for (String variant : List.of("desktop", "desktop-dark", "phone", "phone-dark")) {
			Browser.NewContextOptions options = new Browser.NewContextOptions()
				.setColorScheme(variant.endsWith("dark") ? ColorScheme.DARK : ColorScheme.LIGHT);
			if (variant.startsWith("phone")) {
				options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
			}
			else {
				options.setViewportSize(1280, 800);
			}
			Page other = anotherBrowser(options);
			signIn(other, this.admin);
			other.navigate(baseUrl() + path);
			if (waitFor != null) {
				other.locator(waitFor).waitFor();
			}
			screenshot(other, "imports/" + name + "-" + variant);
		}
	}

}
