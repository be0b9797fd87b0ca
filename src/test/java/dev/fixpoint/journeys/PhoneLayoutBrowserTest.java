package dev.fixpoint.journeys;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone (390 px, touch): a header of one row with the search behind an icon, no
 * keyboard hints, the list's filters folded behind a button with the active ones as
 * chips, and no page wider than the screen.
 */
class PhoneLayoutBrowserTest extends BrowserTest {

	@Test
	void onAPhoneEveryPageFitsTheHeaderIsOneRowAndNoKeyboardHintShows() {
		TestUser owner = this.api.newPerson("Pat Phone");
		String key = this.api.newProject(owner).get("key").asString();
		String bug = this.api
			.newBug(owner, key, "Payment page shows a blank screen after the bank redirect on slow networks",
					"critical")
			.get("key")
			.asString();
		this.api.newBug(owner, key, "Typo in the footer", "low");
		Page phone = anotherBrowser(
				new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
		signIn(phone, owner);

		for (String path : List.of("/projects", "/p/" + key + "/bugs", "/p/" + key + "/bugs?severity=critical",
				"/bugs/" + bug, "/p/" + key + "/board", "/p/" + key + "/triage", "/p/" + key + "/sla",
				"/p/" + key + "/analytics", "/p/" + key + "/members", "/p/" + key + "/settings/workflow",
				"/search?q=payment", "/notifications", "/settings/notifications", "/settings/tokens")) {
			phone.navigate(baseUrl() + path);
			waitForHtmx(phone);
			Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
			assertThat(((Number) overflow).intValue()).as("%s is wider than the phone", path).isLessThanOrEqualTo(0);
			Object headerHeight = phone
				.evaluate("() => document.querySelector('.topbar').getBoundingClientRect().height");
			assertThat(((Number) headerHeight).doubleValue()).as("header of %s in one row", path).isLessThan(60);
			assertThat(phone.locator(".kbd-hint:visible")).hasCount(0);
		}

		// the search is behind an icon
		phone.navigate(baseUrl() + "/p/" + key + "/bugs?severity=critical");
		waitForHtmx(phone);
		assertThat(phone.locator("#quick-search")).isHidden();
		phone.locator("[data-search-toggle]").click();
		assertThat(phone.locator("#quick-search")).isVisible();
		assertThat(phone.locator("#quick-search")).isFocused();

		// filters folded behind a button; the active one is a chip that removes it
		Locator filters = phone.locator("#bug-filters");
		assertThat(filters).isHidden();
		Locator chip = phone.locator(".filter-chips .chip");
		assertThat(chip).hasCount(1);
		assertThat(chip).containsText("Severity: critical");
		phone.locator("[data-filter-toggle]").click();
		assertThat(filters).isVisible();
		chip.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
		assertThat(phone.locator(".filter-chips .chip")).hasCount(0);
		assertThat(phone.locator("tbody tr")).hasCount(2);
	}

}
