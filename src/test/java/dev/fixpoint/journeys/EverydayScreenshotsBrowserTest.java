package dev.fixpoint.journeys;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Screenshots for humans (target/screenshots/everyday): a bug with every kind of relation
 * as its admin and as a viewer, at desktop and phone width, light and dark; the header of
 * the list and bug page at the widths between phone and desktop (700 and 780 px), where
 * it wraps; the list's "new bugs" bar. Skipped unless
 * {@code -Dfixpoint.screenshots=true}. One check runs with them: at every width the
 * header is no wider than the window.
 */
class EverydayScreenshotsBrowserTest extends BrowserTest {

	private TestUser admin;

	private TestUser viewer;

	private String key;

	@BeforeEach
	void onlyWhenAskedFor() {
		assumeTrue(Boolean.getBoolean("fixpoint.screenshots"),
				"screenshots are taken with -Dfixpoint.screenshots=true");
	}

	@Test
	void relationsHeaderAndNewBugs() {
		this.admin = this.api.newPerson("Lena Fischer");
		this.viewer = this.api.newPerson("Victor Viewer");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.key, this.viewer, "viewer");
		String epic = bug("Checkout redesign for the holiday season", "high");
		String main = bug("Payment step shows a blank page on Safari 18", "critical");
		String sub1 = bug("Card form loses focus after an error", "medium");
		String sub2 = bug("Apple Pay button is misaligned in dark mode", "low");
		String sub3 = bug("Order summary totals round twice", "high");
		String blocker = bug("Payment provider sandbox times out", "critical");
		String blocked = bug("Gift cards cannot be redeemed at checkout", "high");
		String related = bug("Safari 18 drops third-party cookies in iframes", "medium");
		String dup = bug("Blank screen when paying on a Mac", "critical");
		link(epic, "parent", main);
		link(main, "parent", sub1);
		link(main, "parent", sub2);
		link(main, "parent", sub3);
		link(main, "blocked_by", blocker);
		link(main, "blocks", blocked);
		link(main, "relates_to", related);
		assertThat(this.api
			.patch("/api/bugs/" + sub2, this.admin.token(), Map.of("status", "resolved", "resolution", "fixed"))
			.status()).isEqualTo(200);
		assertThat(this.api
			.patch("/api/bugs/" + dup, this.admin.token(),
					Map.of("status", "resolved", "resolution", "duplicate", "duplicate_of", main))
			.status()).isEqualTo(200);

		for (TestUser who : List.of(this.admin, this.viewer)) {
			String role = who == this.admin ? "admin" : "viewer";
			for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
				for (int width : new int[] { 1280, 390 }) {
					Page page = browser(who, width, scheme);
					page.navigate(baseUrl() + "/bugs/" + main);
					waitForHtmx(page);
					assertThat(page.locator("#relations dt").first()).isVisible();
					String name = "everyday/relations-" + role + "-" + (width > 600 ? "desktop" : "phone") + "-"
							+ scheme.name().toLowerCase(Locale.ROOT);
					screenshot(page, name);
					page.locator("#relations")
						.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
							.setPath(java.nio.file.Paths.get("target", "screenshots", name + "-section.png")));
				}
			}
		}

		for (int width : new int[] { 641, 700, 780, 800, 801, 900 }) {
			for (String path : List.of("/p/" + this.key + "/bugs", "/bugs/" + main, "/")) {
				Page page = browser(this.admin, width, ColorScheme.LIGHT);
				page.navigate(baseUrl() + path);
				waitForHtmx(page);
				String name = path.equals("/") ? "home" : path.startsWith("/bugs") ? "bug" : "list";
				page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Paths.get("target", "screenshots",
						"everyday", "header-" + width + "-" + name + ".png")));
				Number header = (Number) page.evaluate("() => document.querySelector('.topbar').scrollWidth");
				Number body = (Number) page.evaluate("() => document.documentElement.scrollWidth");
				assertThat(header.intValue()).as("header at " + width + " px, " + path).isLessThanOrEqualTo(width);
				assertThat(body.intValue()).as("page at " + width + " px, " + path).isLessThanOrEqualTo(width);
			}
		}

		Page list = browser(this.viewer, 1280, ColorScheme.LIGHT);
		list.navigate(baseUrl() + "/p/" + this.key + "/bugs?severity=critical");
		waitForHtmx(list);
		assertThat(list.locator("body[data-live='open']")).hasCount(1);
		bug("Refund emails are sent twice", "critical");
		assertThat(list.locator("#live-notice")).containsText("1 new bug");
		screenshot(list, "everyday/list-new-bugs");
	}

	private Page browser(TestUser who, int width, ColorScheme scheme) {
		Browser.NewContextOptions options = new Browser.NewContextOptions()
			.setViewportSize(width, width > 600 ? 900 : 844)
			.setColorScheme(scheme);
		if (width < 600) {
			options.setIsMobile(true).setHasTouch(true);
		}
		Page page = anotherBrowser(options);
		signIn(page, who);
		return page;
	}

	private String bug(String title, String severity) {
		return this.api.newBug(this.admin, this.key, title, severity).get("key").asString();
	}

	private void link(String from, String type, String target) {
		Api.Response r = this.api.post("/api/bugs/" + from + "/links", this.admin.token(),
				Map.of("type", type, "target", target));
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
	}

}
