package dev.fixpoint.journeys;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A new user's first minutes: sign up, create a project, file a bug, find it, raise its
 * severity.
 */
class FirstBugBrowserTest extends BrowserTest {

	@Test
	void aNewUserFilesABugAndRaisesItsSeverityInline() {
		this.api.ensureSetUp();
		String unique = "nora-" + UUID.randomUUID().toString().substring(0, 8);
		String key = "N" + unique.substring(5, 10).replaceAll("[^a-z0-9]", "x").toUpperCase(Locale.ROOT);

		open("/signup");
		this.page.getByLabel("Full name").fill("Nora Newcomer");
		this.page.getByLabel("Username").fill(unique);
		this.page.getByLabel("Email").fill(unique + "@example.com");
		this.page.getByLabel("Password").fill(Api.PASSWORD);
		button("Create account").click();

		assertThat(this.page).hasURL(Pattern.compile("/projects/new$"));
		this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Web Shop");
		this.page.getByLabel("Key").fill(key);
		button("Create project").click();

		assertThat(this.page).hasURL(Pattern.compile("/p/" + key + "/bugs$"));
		assertThat(this.page.getByText("No bugs here yet")).isVisible();
		link("File a bug").click();

		this.page.getByLabel("Title").fill("Checkout button does nothing on Safari");
		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("High")).check();
		this.page.getByLabel("Steps to reproduce").fill("1. Add a book to the cart\n2. Open the cart\n3. Press Pay");
		this.page.getByLabel("Expected behaviour").fill("The payment dialog opens");
		this.page.getByLabel("Actual behaviour").fill("Nothing happens; the console shows a TypeError");
		this.page.getByLabel("OS", new Page.GetByLabelOptions().setExact(true)).fill("macOS 15");
		this.page.getByLabel("Browser", new Page.GetByLabelOptions().setExact(true)).fill("Safari 18");
		button("File bug").click();
		assertThat(this.page).hasURL(Pattern.compile("/bugs/" + key + "-1$"));

		this.page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Project"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bugs"))
			.click();
		Locator row = this.page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(key + "-1"));
		assertThat(row).containsText("Checkout button does nothing on Safari");
		assertThat(row).containsText("High");
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Checkout button does nothing on Safari"))
			.click();

		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Checkout button does nothing on Safari");
		assertThat(this.page.getByText("Safari 18")).isVisible();
		this.page.evaluate("window.notReloaded = true");
		waitForHtmx(this.page);
		this.page.getByLabel("Severity").selectOption("critical");

		Locator badges = this.page.locator(".bug-badges");
		assertThat(badges.getByText("Critical", new Locator.GetByTextOptions().setExact(true))).isVisible();
		assertThat(this.page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Activity")))
			.containsText("changed severity from high to critical");
		assertThat(this.page.getByLabel("Severity")).hasValue("critical");
		assertEquals(true, this.page.evaluate("window.notReloaded"), "the page was not reloaded");
	}

	private Locator button(String name) {
		return this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
	}

	private Locator link(String name) {
		return this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
	}

}
