package dev.fixpoint.journeys;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Relating bugs and planning releases: link two bugs as "blocks" from a bug page, both
 * pages show it, {@code is:blocked} finds the blocked one; create a release, set a bug's
 * "Fixed in", the release page shows its progress. Screenshots of the new pages at
 * desktop and phone width, light and dark.
 */
class RelationsAndReleasesBrowserTest extends BrowserTest {

	@Test
	void linkTwoBugsAsBlocksAndFindTheBlockedOne() {
		TestUser lead = this.api.newUser("Lena");
		String key = this.api.newProject(lead).get("key").asString();
		String blocker = this.api.newBug(lead, key, "Payment provider times out", "critical").get("key").asString();
		String blocked = this.api.newBug(lead, key, "Checkout cannot complete", "high").get("key").asString();
		signIn(this.page, lead);

		open("/bugs/" + blocker);
		Locator relations = this.page.locator("#relations");
		assertThat(relations).containsText("No related bugs");
		waitForHtmx(this.page);
		relations.getByLabel(blocker).selectOption("blocks");
		Locator target = relations.getByPlaceholder("Bug key or title");
		target.pressSequentially("checkout", new Locator.PressSequentiallyOptions().setDelay(30));
		assertThat(this.page.locator("#relation-candidates option")).hasCount(1);
		target.fill(blocked);
		relations.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Link")).click();
		assertThat(relations.locator("dt")).hasText("Blocks");
		assertThat(relations).containsText("Checkout cannot complete");

		open("/bugs/" + blocked);
		assertThat(this.page.locator("#relations dt")).hasText("Blocked by");
		assertThat(this.page.locator("#relations")).containsText("Payment provider times out");
		assertThat(this.page.locator("#bug-activity")).containsText("linked this bug: is blocked by " + blocker);
		shoot("relations", "#relations dt");

		open("/search?project=" + key);
		this.page.locator("#search-q").fill("is:blocked");
		this.page.locator("#search-q").press("Enter");
		assertThat(this.page).hasURL(Pattern.compile("q=is%3Ablocked"));
		assertThat(this.page.locator(".search-hits > li")).hasCount(1);
		assertThat(this.page.locator(".search-hits")).containsText("Checkout cannot complete");
	}

	@Test
	void createAReleaseSetFixedInAndSeeItsProgress() {
		TestUser lead = this.api.newUser("Rhea");
		String key = this.api.newProject(lead).get("key").asString();
		String bug = this.api.newBug(lead, key, "Export drops the last row", "high").get("key").asString();
		this.api.newBug(lead, key, "Dark mode contrast on charts", "low");
		signIn(this.page, lead);

		open("/p/" + key + "/bugs");
		this.page.locator(".project-nav")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Releases"))
			.click();
		assertThat(this.page).hasURL(Pattern.compile("/p/" + key + "/releases$"));
		this.page.getByLabel("Name").fill("1.4");
		this.page.getByLabel("Due").fill("2027-02-01");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add release")).click();
		assertThat(this.page.locator("h1")).containsText("1.4");
		assertThat(this.page.locator(".release-summary")).containsText("0 resolved");

		open("/bugs/" + bug);
		waitForHtmx(this.page);
		this.page.locator("#edit-fixed_in").selectOption("1.4");
		assertThat(this.page.locator("#edit-fixed_in")).hasValue("1.4");
		// the sidebar saved it: the page shows the release again after the swap
		assertThat(this.page.locator("#bug-activity")).containsText("1.4");
		this.api.patch("/api/bugs/" + bug, lead.token(), java.util.Map.of("status", "resolved", "resolution", "fixed"));

		open("/p/" + key + "/releases");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("1.4")).click();
		assertThat(this.page.locator(".release-summary")).containsText("1 resolved");
		assertThat(this.page.locator(".release-summary")).containsText("100%");
		assertThat(this.page.locator(".release-summary progress")).hasAttribute("value", "100");
		assertThat(this.page.locator("tbody")).containsText("Export drops the last row");
		shoot("release", ".release-summary");
		open("/p/" + key + "/releases");
		shoot("releases", ".release-card");
	}

	/**
	 * The current page at desktop and phone width, light and dark, saved under
	 * target/screenshots for a person to look at.
	 */
	private void shoot(String name, String shown) {
		String url = this.page.url();
		String state = this.page.context().storageState();
		for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
			for (int width : new int[] { 1280, 390 }) {
				Page other = anotherBrowser(new Browser.NewContextOptions().setViewportSize(width, 844)
					.setColorScheme(scheme)
					.setStorageState(state));
				other.navigate(url);
				other.waitForLoadState();
				waitForHtmx(other);
				assertThat(other.locator(shown).first()).isVisible();
				screenshot(other, name + "-" + (width > 600 ? "desktop" : "phone") + "-"
						+ scheme.name().toLowerCase(java.util.Locale.ROOT));
			}
		}
	}

}
