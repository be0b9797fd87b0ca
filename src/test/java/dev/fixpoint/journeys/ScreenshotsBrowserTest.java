package dev.fixpoint.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Screenshots for humans, not checks: the README's bug list
 * (docs/screenshots/bug-list.png) and a tour of the main pages at phone width and in dark
 * mode (target/screenshots/tour). Skipped unless {@code -Dfixpoint.screenshots=true}, so
 * an ordinary build never rewrites the docs.
 */
class ScreenshotsBrowserTest extends BrowserTest {

	private static final Path README_SHOT = Paths.get("docs", "screenshots", "bug-list.png");

	@Autowired
	private JdbcClient jdbc;

	private TestUser owner;

	private String key;

	@BeforeEach
	void onlyWhenAskedFor() {
		assumeTrue(Boolean.getBoolean("fixpoint.screenshots"),
				"screenshots are taken with -Dfixpoint.screenshots=true");
	}

	@Test
	void bugListForTheReadme() throws Exception {
		fileRealisticBugs("SHOP");
		Page list = anotherBrowser(
				new Browser.NewContextOptions().setViewportSize(1280, 800).setColorScheme(ColorScheme.LIGHT));
		signIn(list, this.owner);
		list.navigate(baseUrl() + "/p/" + this.key + "/bugs");
		assertThat(list.locator("tbody tr")).hasCount(12);
		Files.createDirectories(README_SHOT.getParent());
		list.screenshot(new Page.ScreenshotOptions().setPath(README_SHOT));
	}

	@Test
	void tourAtPhoneWidthAndInDarkMode() {
		fileRealisticBugs(
				"T" + UUID.randomUUID().toString().substring(0, 5).toUpperCase().replaceAll("[^A-Z0-9]", "X"));
		tour("phone", new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		tour("dark", new Browser.NewContextOptions().setViewportSize(1280, 800).setColorScheme(ColorScheme.DARK));
		tour("phone-dark",
				new Browser.NewContextOptions().setViewportSize(390, 844)
					.setIsMobile(true)
					.setHasTouch(true)
					.setColorScheme(ColorScheme.DARK));
	}

	private void tour(String variant, Browser.NewContextOptions options) {
		Page page = anotherBrowser(options);
		signIn(page, this.owner);
		screenshot(page, "tour/" + variant + "-projects");
		Map<String, String> pages = Map.of("list", "/p/" + this.key + "/bugs", "detail", "/bugs/" + this.key + "-1",
				"new-bug", "/p/" + this.key + "/bugs/new", "members", "/p/" + this.key + "/members");
		pages.forEach((name, path) -> {
			page.navigate(baseUrl() + path);
			screenshot(page, "tour/" + variant + "-" + name);
		});
	}

	/**
	 * A project as a team would have it after a busy week: twelve bugs, all states, three
	 * developers.
	 */
	private void fileRealisticBugs(String projectKey) {
		this.owner = this.api.newPerson("Sam Carter");
		this.key = projectKey;
		Api.Response project = this.api.post("/api/projects", this.owner.token(), Map.of("name", "Web Shop", "key",
				projectKey, "description", "The storefront: catalogue, cart, checkout and accounts."));
		if (project.status() != 201) {
			throw new IllegalStateException("project creation failed: " + project.raw());
		}
		TestUser priya = developer("Priya Natarajan");
		TestUser marco = developer("Marco Rossi");
		TestUser jonas = developer("Jonas Weber");
		bug("Slow category page with more than 500 products", "high", "P2", jonas, "open", 8640, "performance");
		bug("Invoice PDF cuts off long company names", "medium", "P3", marco, "open", 7200, "invoices");
		bug("Footer links to the old privacy policy", "low", "P3", priya, "resolved", 5800, "content");
		bug("Wishlist is empty after signing in on another device", "medium", "P2", priya, "open", 4320, "wishlist",
				"sync");
		bug("Address autocomplete hides behind the keyboard on Android", "medium", "P2", jonas, "in_progress", 2900,
				"mobile", "android");
		bug("Discount code field accepts expired codes", "high", "P1", marco, "resolved", 1500, "checkout", "pricing");
		bug("Product images are blurry on retina displays", "low", "P3", null, "open", 1100, "images");
		bug("Password reset link expires after 5 minutes instead of 24 hours", "critical", "P0", jonas, "open", 300,
				"auth", "security");
		bug("Cart badge count is off by one after removing an item", "medium", "P2", null, "open", 190, "cart");
		bug("Search finds nothing for words with accents", "high", "P1", priya, "in_review", 120, "search");
		bug("Order confirmation email shows the wrong currency", "high", "P1", marco, "open", 50, "email", "i18n");
		bug("Checkout button does nothing on Safari 18", "critical", "P0", priya, "in_progress", 12, "checkout",
				"safari");
	}

	private TestUser developer(String name) {
		TestUser user = this.api.newPerson(name);
		this.api.addMember(this.owner, this.key, user, "developer");
		return user;
	}

	private void bug(String title, String severity, String priority, TestUser assignee, String status, int minutesAgo,
			String... tags) {
		Api.Response created = this.api.post("/api/projects/" + this.key + "/bugs", this.owner.token(),
				Api.body("title", title, "severity", severity, "priority", priority, "tags", List.of(tags),
						"assignee_id", assignee == null ? null : assignee.id().toString()));
		if (created.status() != 201) {
			throw new IllegalStateException("bug creation failed: " + created.raw());
		}
		String bugKey = created.body().get("key").asString();
		for (Map<String, String> step : stepsTo(status)) {
			Api.Response moved = this.api.patch("/api/bugs/" + bugKey, this.owner.token(), step);
			if (moved.status() != 200) {
				throw new IllegalStateException("moving " + bugKey + " failed: " + moved.raw());
			}
		}
		// Spread the bugs over the past week so "Updated" reads like a real list (a
		// fixture for pictures only).
		this.jdbc.sql("""
				update bugs set created_at = now() - make_interval(mins => :minutes + 90),
				                updated_at = now() - make_interval(mins => :minutes)
				where id = :id
				""")
			.param("minutes", minutesAgo)
			.param("id", UUID.fromString(created.body().get("id").asString()))
			.update();
	}

	private static List<Map<String, String>> stepsTo(String status) {
		return switch (status) {
			case "open" -> List.of();
			case "in_progress" -> List.of(Map.of("status", "in_progress"));
			case "in_review" -> List.of(Map.of("status", "in_progress"), Map.of("status", "in_review"));
			case "resolved" -> List.of(Map.of("status", "resolved", "resolution", "fixed"));
			default -> throw new IllegalArgumentException(status);
		};
	}

}
