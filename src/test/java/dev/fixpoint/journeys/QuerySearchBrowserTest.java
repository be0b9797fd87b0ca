package dev.fixpoint.journeys;

import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.search.QueryHelp;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Searching with the query language: the box suggests fields and values (keyboard and
 * taps), filters alone list bugs, a typed bug key opens the bug (search page and the bug
 * list's box), and the syntax help is one link away.
 */
class QuerySearchBrowserTest extends BrowserTest {

	@Test
	void autocompleteBuildsAFilterOnlyQueryAndAKeyOpensItsBug() {
		TestUser lead = this.api.newUser("Lena");
		TestUser dev = this.api.newPerson("Bo Builder");
		String key = this.api.newProject(lead).get("key").asString();
		this.api.addMember(lead, key, dev, "developer");
		String critical = this.api.newBug(lead, key, "Checkout fails on Safari", "critical").get("key").asString();
		this.api.newBug(lead, key, "Checkout total ignores the coupon", "medium");
		signIn(this.page, lead);
		open("/search?project=" + key);

		// fields, then the field's values, all from the keyboard
		Locator box = this.page.locator("#search-q");
		box.click();
		box.pressSequentially("sev", new Locator.PressSequentiallyOptions().setDelay(30));
		Locator menu = this.page.locator(".suggest-menu");
		assertThat(menu.getByRole(AriaRole.OPTION)).hasCount(1);
		assertThat(box).hasAttribute("aria-expanded", "true");
		this.page.keyboard().press("Tab");
		assertThat(box).hasValue("severity:");
		assertThat(menu.getByRole(AriaRole.OPTION)).hasCount(4);
		this.page.keyboard().press("ArrowDown");
		assertThat(menu.locator("li.active")).containsText("critical");
		this.page.keyboard().press("Enter");
		assertThat(box).hasValue("severity:critical ");
		assertThat(menu).hasCount(0);
		// people of the project and "me"
		box.pressSequentially("assignee:b", new Locator.PressSequentiallyOptions().setDelay(30));
		assertThat(menu.getByRole(AriaRole.OPTION).first()).containsText(dev.username());
		this.page.keyboard().press("Escape");
		assertThat(menu).hasCount(0);
		box.fill("severity:critical status:");
		box.press("End");
		box.pressSequentially("o", new Locator.PressSequentiallyOptions().setDelay(30));
		assertThat(menu.getByRole(AriaRole.OPTION).first()).containsText("open");
		screenshot(this.page, "search-autocomplete-desktop");
		this.page.keyboard().press("Tab");
		this.page.keyboard().press("Enter");

		// filters alone list the bugs
		assertThat(this.page).hasURL(Pattern.compile("q=severity%3Acritical"));
		assertThat(this.page.locator(".search-hits > li")).hasCount(1);
		assertThat(this.page.locator(".search-hits")).containsText("Checkout fails on Safari");

		// the syntax help is linked from the box and lists every field
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("search syntax")).click();
		assertThat(this.page).hasURL(Pattern.compile("/help/search$"));
		assertThat(this.page.locator("#field-status")).containsText("in progress");
		assertThat(this.page.locator("#search-fields tbody tr")).hasCount(QueryHelp.fields().size());

		// a key typed in lower case on the search page opens the bug
		open("/search");
		this.page.locator("#search-q").fill(critical.toLowerCase(Locale.ROOT));
		this.page.locator("#search-q").press("Enter");
		assertThat(this.page).hasURL(Pattern.compile("/bugs/" + critical + "$"));

		// and in the bug list's search box
		open("/p/" + key + "/bugs");
		waitForHtmx(this.page);
		this.page.locator("#f-q").fill(critical);
		this.page.locator("#f-q").press("Enter");
		assertThat(this.page).hasURL(Pattern.compile("/bugs/" + critical + "$"));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Checkout fails on Safari");
	}

	@Test
	void onAPhoneTheSuggestionsAreTapped() {
		TestUser lead = this.api.newUser("Lena");
		String key = this.api.newProject(lead).get("key").asString();
		this.api.newBug(lead, key, "Checkout fails on Safari", "high");
		Page phone = anotherBrowser(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setIsMobile(true)
			.setHasTouch(true)
			.setDeviceScaleFactor(2));
		signIn(phone, lead);
		phone.navigate(baseUrl() + "/search?project=" + key);
		Locator box = phone.locator("#search-q");
		box.tap();
		box.pressSequentially("status:", new Locator.PressSequentiallyOptions().setDelay(30));
		Locator options = phone.locator(".suggest-menu").getByRole(AriaRole.OPTION);
		assertThat(options.first()).isVisible();
		screenshot(phone, "search-autocomplete-phone");
		options.filter(new Locator.FilterOptions().setHasText("open")).first().tap();
		assertThat(box).hasValue("status:open ");
		box.press("Enter");
		assertThat(phone.locator(".search-hits > li")).hasCount(1);
	}

}
