package dev.fixpoint.journeys;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A triager's round: find a bug with the header's quick search while typing, open it,
 * save the search as a filter, then assign three of its bugs to a developer in one bulk
 * change.
 */
class FindAndTriageBrowserTest extends BrowserTest {

	@Test
	void quickSearchOpenSaveFilterAndBulkAssignThree() {
		TestUser lead = this.api.newUser("Lena");
		TestUser dev = this.api.newPerson("Bo Builder");
		String key = this.api.newProject(lead).get("key").asString();
		this.api.addMember(lead, key, dev, "developer");
		String safari = this.api.newBug(lead, key, "Checkout fails on Safari", "high").get("key").asString();
		this.api.newBug(lead, key, "Checkout total ignores the coupon", "medium");
		this.api.newBug(lead, key, "Checkout spinner never stops", "low");
		this.api.newBug(lead, key, "Login page is slow", "low");
		signIn(this.page, lead);
		open("/projects");

		// quick search: "/" focuses it where the page has no search box of its own;
		// results appear while typing
		this.page.keyboard().press("/");
		Locator quick = this.page.locator("#quick-search");
		assertThat(quick).isFocused();
		quick.pressSequentially("safar", new Locator.PressSequentiallyOptions().setDelay(40));
		Locator hit = this.page.locator("#quick-results .quick-hit")
			.filter(new Locator.FilterOptions().setHasText(safari));
		assertThat(hit).isVisible();
		hit.click();
		assertThat(this.page).hasURL(Pattern.compile("/" + safari + "$"));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Checkout fails on Safari");

		// search the project and save the search as a filter
		open("/search?project=" + key + "&q=checkout%20status:open");
		assertThat(this.page.locator(".search-hits > li")).hasCount(3);
		this.page.getByLabel("Save current search").fill("Open checkout bugs");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
		Locator saved = this.page.locator(".saved-filters a")
			.filter(new Locator.FilterOptions().setHasText("Open checkout bugs"));
		assertThat(saved).isVisible();
		saved.click();
		assertThat(this.page.locator(".search-hits > li")).hasCount(3);

		// bulk-assign the three checkout bugs from the list
		open("/p/" + key + "/bugs?q=checkout");
		Locator rows = this.page.locator("tbody tr");
		assertThat(rows).hasCount(3);
		for (int i = 0; i < 3; i++) {
			rows.nth(i).locator("input[name=ids]").check();
		}
		assertThat(this.page.locator("[data-bulk-count]")).containsText("3");
		this.page.locator("#bulk-assignee")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Bo Builder"));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to selected")).click();
		assertThat(this.page.locator(".bulk-summary")).containsText("3");
		assertThat(
				this.page.locator("tbody .col-assignee").filter(new Locator.FilterOptions().setHasText("Bo Builder")))
			.hasCount(3);

		// the API agrees: three bugs assigned to Bo, the login bug untouched
		var assigned = this.api.get("/api/projects/" + key + "/bugs?assignee=" + dev.username(), lead.token()).body();
		assertThat(assigned.get("items").size()).isEqualTo(3);
		screenshot(this.page, "find-and-triage");
	}

}
