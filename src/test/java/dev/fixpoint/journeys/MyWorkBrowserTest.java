package dev.fixpoint.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A developer's day: signing in lands on My work, which lists what is theirs across
 * projects; they open the most important bug and start it; in the notification center
 * they triage with the keyboard (j to move, e for done, s to snooze).
 */
class MyWorkBrowserTest extends BrowserTest {

	private TestUser admin;

	private TestUser dev;

	private String shop;

	private String gateway;

	@BeforeEach
	void twoProjects() {
		this.api.ensureSetUp();
		this.admin = this.api.newUser("Ada");
		this.dev = this.api.newUser("Devi");
		this.shop = this.api.newProject(this.admin).get("key").asString();
		this.gateway = this.api.newProject(this.admin).get("key").asString();
		for (String key : List.of(this.shop, this.gateway)) {
			this.api.addMember(this.admin, key, this.dev, "developer");
		}
	}

	@Test
	void myWorkOpensTheMostImportantBugAndItsStatusChanges() {
		file(this.shop, "Tooltip is cut off on narrow screens", "low", "P3");
		String urgent = file(this.gateway, "Token refresh fails after an hour", "critical", "P0");
		signIn(this.page, this.dev);
		assertThat(this.page.locator("h1")).hasText("My work");
		Locator assigned = this.page.locator("#my-assigned .work-row");
		assertThat(assigned).hasCount(2);
		assertThat(assigned.first().locator(".bug-key")).hasText(urgent);

		assigned.first().locator(".work-title").click();
		assertThat(this.page).hasURL(Pattern.compile("/bugs/" + urgent + "$"));
		waitForHtmx(this.page);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start progress")).click();
		assertThat(this.page.locator(".status-box .badge:not(.is-pending)").first()).hasText("In Progress");

		open("/");
		assertThat(this.page.locator("#my-assigned .work-row").first()).containsText("In Progress");
	}

	@Test
	void notificationsAreTriagedWithTheKeyboard() {
		String first = file(this.shop, "Checkout button does nothing", "high", "P1");
		String second = file(this.gateway, "Rate limit headers missing", "medium", "P2");
		this.api.post("/api/bugs/" + second + "/comments", this.admin.token(),
				Map.of("content", "@" + this.dev.username() + " can you look at this today?"));
		signIn(this.page, this.dev);
		open("/notifications");
		waitForHtmx(this.page);
		Locator groups = this.page.locator(".notif-group");
		assertThat(groups).hasCount(2);
		assertThat(groups.first().locator(".bug-key")).hasText(second);

		this.page.keyboard().press("j");
		assertThat(groups.first()).hasClass(Pattern.compile("is-current"));
		this.page.keyboard().press("e");
		assertThat(this.page.locator("#notification-list .alert")).hasText(second + " done.");
		assertThat(groups).hasCount(1);
		assertThat(groups.first().locator(".bug-key")).hasText(first);

		this.page.keyboard().press("s");
		assertThat(this.page.locator("#notification-list .alert")).hasText(first + " snoozed: Tomorrow, 09:00.");
		assertThat(groups).hasCount(0);

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Snoozed")).click();
		assertThat(groups).hasCount(1);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done").setExact(true)).click();
		assertThat(groups.first().locator(".bug-key")).hasText(second);
	}

	/**
	 * My work and the notification center at desktop and phone width, light and dark,
	 * into target/screenshots/mywork (with -Dfixpoint.screenshots=true).
	 */
	@Test
	void screenshotsOfMyWorkAndNotifications() throws Exception {
		assumeTrue(Boolean.getBoolean("fixpoint.screenshots"),
				"screenshots are taken with -Dfixpoint.screenshots=true");
		Path dir = Paths.get("target", "screenshots", "mywork");
		Files.createDirectories(dir);
		String[][] bugs = { { "Token refresh fails after an hour", "critical", "P0" },
				{ "Checkout button does nothing on Safari", "high", "P1" },
				{ "Export to CSV drops the last row", "medium", "P2" },
				{ "Tooltip is cut off on narrow screens", "low", "P3" } };
		for (int i = 0; i < bugs.length; i++) {
			String key = file(i % 2 == 0 ? this.gateway : this.shop, bugs[i][0], bugs[i][1], bugs[i][2]);
			this.api.post("/api/bugs/" + key + "/comments", this.admin.token(),
					Map.of("content", "@" + this.dev.username() + " customers are asking about this one."));
		}
		String theirs = this.api.newBug(this.dev, this.shop, "Search ignores accents in names", "medium")
			.get("key")
			.asString();
		this.api.patch("/api/bugs/" + theirs, this.admin.token(),
				Map.of("assignee_id", this.admin.id().toString(), "status", "in_progress"));
		for (int width : List.of(1280, 390)) {
			for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
				Page p = anotherBrowser(new Browser.NewContextOptions().setViewportSize(width, width > 500 ? 900 : 844)
					.setColorScheme(scheme));
				signIn(p, this.dev);
				String name = width + "-" + scheme.name().toLowerCase(Locale.ROOT);
				shoot(p, "/", dir.resolve("mywork-" + name + ".png"));
				shoot(p, "/notifications", dir.resolve("notifications-" + name + ".png"));
				shoot(p, "/my/assigned", dir.resolve("mywork-list-" + name + ".png"));
			}
		}
	}

	private void shoot(Page p, String path, Path file) {
		p.navigate(baseUrl() + path);
		waitForHtmx(p);
		p.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
	}

	private String file(String project, String title, String severity, String priority) {
		Api.Response created = this.api.post("/api/projects/" + project + "/bugs", this.admin.token(), Api.body("title",
				title, "severity", severity, "priority", priority, "assignee_id", this.dev.id().toString()));
		return created.body().get("key").asString();
	}

}
