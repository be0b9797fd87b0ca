package dev.fixpoint.journeys;

import java.util.List;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Screenshots for humans, not checks: the list, a bug page (someone else viewing it), the
 * board, the command palette and the shortcut sheet, at desktop and phone width, light
 * and dark (target/screenshots/live). Skipped unless {@code -Dfixpoint.screenshots=true}.
 */
class LiveScreenshotsBrowserTest extends BrowserTest {

	private TestUser owner;

	private TestUser priya;

	private String key;

	@BeforeEach
	void onlyWhenAskedFor() {
		assumeTrue(Boolean.getBoolean("fixpoint.screenshots"),
				"screenshots are taken with -Dfixpoint.screenshots=true");
	}

	@Test
	void keyboardAndLivePages() {
		this.owner = this.api.newPerson("Sam Carter");
		this.priya = this.api.newPerson("Priya Natarajan");
		this.key = this.api.newProject(this.owner).get("key").asString();
		this.api.addMember(this.owner, this.key, this.priya, "developer");
		bug("Slow category page with more than 500 products", "high", "P2", "open", "performance");
		bug("Invoice PDF cuts off long company names", "medium", "P3", "open", "invoices");
		bug("Address autocomplete hides behind the keyboard on Android", "medium", "P2", "in_progress", "mobile");
		bug("Discount code field accepts expired codes", "high", "P1", "resolved", "checkout");
		bug("Password reset link expires after 5 minutes instead of 24 hours", "critical", "P0", "open", "auth");
		bug("Search finds nothing for words with accents", "high", "P1", "in_review", "search");
		String checkout = bug("Checkout button does nothing on Safari 18", "critical", "P0", "in_progress", "checkout");

		// Priya looks at the bug too: the pages show her as present
		Page priyas = anotherBrowser();
		signIn(priyas, this.priya);
		priyas.navigate(baseUrl() + "/bugs/" + checkout);

		shoot("desktop", new Browser.NewContextOptions().setViewportSize(1280, 800).setColorScheme(ColorScheme.LIGHT),
				checkout);
		shoot("desktop-dark",
				new Browser.NewContextOptions().setViewportSize(1280, 800).setColorScheme(ColorScheme.DARK), checkout);
		shoot("phone",
				new Browser.NewContextOptions().setViewportSize(390, 844)
					.setIsMobile(true)
					.setHasTouch(true)
					.setColorScheme(ColorScheme.LIGHT),
				checkout);
		shoot("phone-dark",
				new Browser.NewContextOptions().setViewportSize(390, 844)
					.setIsMobile(true)
					.setHasTouch(true)
					.setColorScheme(ColorScheme.DARK),
				checkout);
	}

	private void shoot(String variant, Browser.NewContextOptions options, String bug) {
		Page page = anotherBrowser(options);
		signIn(page, this.owner);
		page.navigate(baseUrl() + "/p/" + this.key + "/bugs?severity=critical&severity=high");
		waitForHtmx(page);
		screenshot(page, "live/" + variant + "-list");
		page.navigate(baseUrl() + "/p/" + this.key + "/board");
		waitForHtmx(page);
		screenshot(page, "live/" + variant + "-board");
		page.navigate(baseUrl() + "/bugs/" + bug);
		waitForHtmx(page);
		assertThat(page.locator("#presence")).containsText("Priya Natarajan");
		screenshot(page, "live/" + variant + "-bug");
		page.evaluate("() => window.fixpointKeys.open()");
		assertThat(page.locator("#palette li.is-cursor")).isVisible();
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(java.nio.file.Paths.get("target", "screenshots", "live", variant + "-palette.png")));
		page.keyboard().press("Escape");
		page.evaluate("() => window.fixpointKeys.sheet()");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(java.nio.file.Paths.get("target", "screenshots", "live", variant + "-sheet.png")));
	}

	private String bug(String title, String severity, String priority, String status, String tag) {
		Api.Response created = this.api.post("/api/projects/" + this.key + "/bugs", this.owner.token(),
				Api.body("title", title, "severity", severity, "priority", priority, "tags", List.of(tag),
						"assignee_id", this.priya.id().toString()));
		String bugKey = created.body().get("key").asString();
		List<Map<String, String>> steps = switch (status) {
			case "in_progress" -> List.of(Map.of("status", "in_progress"));
			case "in_review" -> List.of(Map.of("status", "in_progress"), Map.of("status", "in_review"));
			case "resolved" -> List.of(Map.of("status", "resolved", "resolution", "fixed"));
			default -> List.of();
		};
		steps.forEach(step -> this.api.patch("/api/bugs/" + bugKey, this.owner.token(), step));
		return bugKey;
	}

}
