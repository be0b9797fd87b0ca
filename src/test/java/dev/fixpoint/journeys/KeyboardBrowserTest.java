package dev.fixpoint.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The bug list and the board without a mouse: "/" to search, "j"/"k" to move, Enter to
 * open.
 */
class KeyboardBrowserTest extends BrowserTest {

	@Test
	void slashSearchesAndJKMoveAndEnterOpens() {
		TestUser dev = this.api.newUser("Kim");
		String key = this.api.newProject(dev).get("key").asString();
		this.api.newBug(dev, key, "Login form forgets the email", "medium");
		this.api.newBug(dev, key, "Avatar upload fails for PNG", "low");
		this.api.newBug(dev, key, "Search ignores accents", "high");
		signIn(this.page, dev);
		open("/p/" + key + "/bugs");
		Locator rows = this.page.locator("tbody").getByRole(AriaRole.ROW);
		assertThat(rows).hasCount(3);

		this.page.keyboard().press("/");
		Locator search = this.page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search"));
		assertThat(search).isFocused();
		this.page.keyboard().press("Escape");
		assertThat(search).not().isFocused();

		this.page.keyboard().press("j");
		assertThat(rows.nth(0)).hasAttribute("aria-current", "true");
		this.page.keyboard().press("j");
		this.page.keyboard().press("j");
		this.page.keyboard().press("k");
		assertThat(rows.nth(1)).hasAttribute("aria-current", "true");
		assertThat(this.page.locator("tbody [aria-current]")).hasCount(1);
		String target = rows.nth(1).getAttribute("data-row-link");
		String title = rows.nth(1).getByRole(AriaRole.LINK).nth(1).textContent().trim();

		this.page.keyboard().press("Enter");
		assertThat(this.page).hasURL(baseUrl() + target);
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
	}

	@Test
	void jAndKMoveThroughTheBoardsCardsAndEnterOpensOne() {
		TestUser dev = this.api.newUser("Kit");
		String key = this.api.newProject(dev).get("key").asString();
		this.api.newBug(dev, key, "Login form forgets the email", "medium");
		this.api.newBug(dev, key, "Avatar upload fails for PNG", "low");
		signIn(this.page, dev);
		open("/p/" + key + "/board");
		Locator cards = this.page.locator(".board-card");
		assertThat(cards).hasCount(2);

		this.page.keyboard().press("j");
		this.page.keyboard().press("j");
		this.page.keyboard().press("j");
		this.page.keyboard().press("k");
		assertThat(cards.nth(0)).hasAttribute("aria-current", "true");
		this.page.keyboard().press("j");
		String target = cards.nth(1).getAttribute("data-row-link");
		this.page.keyboard().press("Enter");
		assertThat(this.page).hasURL(baseUrl() + target);
		assertThat(this.page.locator("#bug .bug-crumbs .bug-key")).hasText(target.substring("/bugs/".length()));
	}

}
