package dev.fixpoint.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What each role is offered, in a real browser: a viewer gets no "New bug", no row
 * checkboxes and no bulk bar; a developer changes a status through the dialog that asks
 * for the transition's fields (a duplicate also for its original), ticks rows and gets a
 * bulk bar stuck to the bottom of the screen, and reads toasts that say what was saved.
 */
class RoleControlsBrowserTest extends BrowserTest {

	private TestUser admin;

	private TestUser dev;

	private TestUser viewer;

	private String key;

	@BeforeEach
	void aProjectWithAViewer() {
		this.api.ensureSetUp();
		this.admin = this.api.newUser("Ada");
		this.dev = this.api.newUser("Devi");
		this.viewer = this.api.newUser("Vic");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.key, this.dev, "developer");
		this.api.addMember(this.admin, this.key, this.viewer, "viewer");
	}

	@Test
	void aViewerIsOfferedNothingTheyCannotDo() {
		String bug = this.api.newBug(this.admin, this.key, "Checkout button does nothing", "high")
			.get("key")
			.asString();
		signIn(this.page, this.viewer);
		open("/p/" + this.key);
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile("/p/" + this.key + "/bugs$"));
		assertThat(this.page.locator("tbody tr")).hasCount(1);
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New bug"))).hasCount(0);
		assertThat(this.page.locator("input[name=ids], [data-select-all], [data-bulk-bar]")).hasCount(0);
		// the "c" shortcut has nothing to open
		this.page.keyboard().press("c");
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile("/bugs$"));

		open("/bugs/" + bug);
		assertThat(this.page.locator(".status-box")).containsText("Open");
		assertThat(this.page.locator(".transitions, form.verify, #move-dialog")).hasCount(0);
		assertThat(this.page.locator("#comment-form, form.comment-form")).hasCount(0);
		// the same project navigation as everyone's, less what a viewer cannot open
		assertThat(this.page.locator(".project-nav a"))
			.hasText(new String[] { "Bugs", "Board", "Triage", "Releases", "SLA", "Analytics", "Members" });
	}

	@Test
	void aDeveloperResolvesAsDuplicateThroughTheDialogAndReadsWhatWasSaved() {
		String original = this.api.newBug(this.admin, this.key, "Voucher is ignored", "high").get("key").asString();
		String copy = this.api.newBug(this.admin, this.key, "Voucher code not applied", "high").get("key").asString();
		signIn(this.page, this.dev);
		open("/bugs/" + copy);
		waitForHtmx(this.page);
		Locator status = this.page.locator(".status-box");
		// no resolution inputs until a transition asks for them
		assertThat(status.locator("select:visible, input[type=text]:visible")).hasCount(0);

		button("Resolve").click();
		Locator dialog = this.page.locator("#move-dialog");
		assertThat(dialog).isVisible();
		assertThat(dialog.locator("[data-dialog-status]")).hasText("Resolved");
		assertThat(dialog.getByLabel("Duplicate of", new Locator.GetByLabelOptions().setExact(false))).isHidden();
		dialog.getByLabel("Resolution").selectOption("duplicate");
		Locator duplicateOf = dialog.locator("input[name='set.duplicate_of']");
		assertThat(duplicateOf).isVisible();
		duplicateOf.fill(original);
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();

		assertThat(status.locator(".badge").first()).hasText("Resolved");
		assertThat(this.page.locator(".props")).containsText(original);
		assertThat(this.page.locator("#flash .toast")).containsText(copy + " moved to Resolved");
		// after Resolve: Close (which asks for the verification) and Reopen, nothing else
		assertThat(this.page.locator(".transitions").getByRole(AriaRole.BUTTON))
			.hasText(new String[] { "Close", "Reopen" });
		assertThat(this.page.getByText("Verify fix")).hasCount(0);

		this.page.locator("#edit-priority").selectOption("P1");
		assertThat(this.page.locator("#flash .toast").last()).hasText("Priority set to P1");
	}

	@Test
	void theBulkBarAppearsWhenRowsAreTickedAndStaysOnScreen() {
		for (int i = 1; i <= 25; i++) {
			this.api.newBug(this.admin, this.key, "Layout glitch number " + i, "low");
		}
		signIn(this.page, this.dev);
		open("/p/" + this.key + "/bugs");
		waitForHtmx(this.page);
		Locator bar = this.page.locator("[data-bulk-bar]");
		assertThat(bar).isHidden();
		this.page.locator("tbody input[name=ids]").first().check();
		assertThat(bar).isVisible();
		assertThat(bar.locator("[data-bulk-count]")).hasText("1 bug selected");
		BoundingBox box = bar.boundingBox();
		int viewport = this.page.viewportSize().height;
		assertThat(box.y + box.height).as("bottom of the bulk bar within the viewport").isLessThanOrEqualTo(viewport);
		assertThat(box.y).as("the bar sits at the bottom, not below a 25-row table").isGreaterThan(viewport / 2.0);
	}

	@Test
	void theTitleErrorGoesOnceTheTitleIsFilledIn() {
		signIn(this.page, this.dev);
		open("/p/" + this.key + "/bugs/new");
		assertThat(this.page.locator(".project-nav a"))
			.hasText(new String[] { "Bugs", "Board", "Triage", "Releases", "SLA", "Analytics", "Members" });
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File bug")).click();
		Locator error = this.page.locator("#title-error");
		assertThat(error).isVisible();
		// app.js (deferred) listens for input: a person types after the page is ready
		this.page.waitForFunction("() => window.fixpointToast && document.readyState === 'complete'");
		this.page.getByLabel("Title").fill("Search crashes on emoji");
		assertThat(error).isHidden();
		assertThat(this.page.getByLabel("Title")).not().hasAttribute("aria-invalid", "true");
	}

	/**
	 * The pages this work changed, as admin and viewer, at desktop and phone width, light
	 * and dark, into target/screenshots/controls (with -Dfixpoint.screenshots=true).
	 */
	@Test
	void screenshotsOfTheChangedPages() throws Exception {
		assumeTrue(Boolean.getBoolean("fixpoint.screenshots"),
				"screenshots are taken with -Dfixpoint.screenshots=true");
		Path dir = Paths.get("target", "screenshots", "controls");
		Files.createDirectories(dir);
		String resolved = this.api.newBug(this.admin, this.key, "Footer overlaps the cookie banner", "medium")
			.get("key")
			.asString();
		this.api.patch("/api/bugs/" + resolved, this.admin.token(),
				Map.of("status", "resolved", "resolution", "fixed"));
		for (int i = 1; i <= 8; i++) {
			this.api.newBug(this.admin, this.key, "Checkout step " + i + " loses the address",
					i % 2 == 0 ? "high" : "low");
		}
		for (TestUser who : List.of(this.admin, this.viewer)) {
			String role = who == this.admin ? "admin" : "viewer";
			for (int width : List.of(1280, 390)) {
				for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
					Page p = anotherBrowser(
							new Browser.NewContextOptions().setViewportSize(width, width > 500 ? 900 : 844)
								.setColorScheme(scheme));
					signIn(p, who);
					String name = role + "-" + width + "-" + scheme.name().toLowerCase(java.util.Locale.ROOT);
					shoot(p, "/p/" + this.key + "/bugs", dir.resolve("list-" + name + ".png"));
					if (who == this.admin) {
						p.locator("tbody input[name=ids]").first().check();
						p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("list-ticked-" + name + ".png")));
					}
					shoot(p, "/bugs/" + resolved, dir.resolve("bug-" + name + ".png"));
					if (who == this.admin) {
						p.locator("a[data-move-needs]").first().click();
						p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("bug-dialog-" + name + ".png")));
						p.keyboard().press("Escape");
						p.locator("#edit-priority").selectOption("P1");
						p.locator("#flash .toast").last().waitFor();
						p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("bug-toast-" + name + ".png")));
						shoot(p, "/p/" + this.key + "/settings/attachments",
								dir.resolve("attachments-" + name + ".png"));
						shoot(p, "/p/" + this.key + "/bugs/new", dir.resolve("new-" + name + ".png"));
					}
					shoot(p, "/p/" + this.key + "/sla", dir.resolve("sla-" + name + ".png"));
					shoot(p, "/p/" + this.key + "/board", dir.resolve("board-" + name + ".png"));
				}
			}
		}
	}

	private void shoot(Page p, String path, Path file) {
		p.navigate(baseUrl() + path);
		waitForHtmx(p);
		p.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
