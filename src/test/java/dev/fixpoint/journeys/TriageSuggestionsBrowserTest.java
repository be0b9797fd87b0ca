package dev.fixpoint.journeys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.TriageOn;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Filing a bug that was already reported in other words: the form shows the duplicate as
 * it is typed, the bug page suggests a priority and an assignee with their reasons, and
 * one click accepts a suggestion.
 */
@TriageOn
class TriageSuggestionsBrowserTest extends BrowserTest {

	@Test
	void aReporterSeesTheDuplicateByMeaningAndAcceptsASuggestedPriority() {
		TestUser ann = this.api.newUser("triann");
		TestUser dev = this.api.newUser("tridev");
		String key = this.api.newProject(ann).path("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		String hang = resolved(ann, dev, key, "Checkout hangs forever",
				"After confirming the order the spinner keeps turning and nothing happens.");
		resolved(ann, dev, key, "Stuck on the payment step", "Cannot finish my purchase after entering the card.");

		signIn(this.page, ann);
		open("/p/" + key + "/bugs/new");
		waitForHtmx(this.page);
		this.page.getByLabel("Description").fill("I press Pay and the whole app stops responding.");
		this.page.getByLabel("Title").pressSequentially("App freezes when paying");
		Locator duplicates = this.page.locator("#similar-bugs");
		assertThat(duplicates).containsText("Possible duplicates");
		assertThat(duplicates).containsText(hang);
		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Low")).check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File bug")).click();
		assertThat(this.page).hasURL(Pattern.compile("/bugs/" + key + "-3$"));

		Locator panel = this.page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Suggestions"));
		assertThat(panel).containsText("Priority: P0");
		assertThat(panel).containsText("Assignee: " + dev.name());
		assertThat(panel).containsText(hang);
		Locator priority = panel.locator(".triage-suggestion[data-kind=priority]");
		priority.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();

		assertThat(this.page).hasURL(Pattern.compile("/bugs/" + key + "-3$"));
		assertThat(this.page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Activity")))
			.containsText("P0");
		assertThat(this.page.locator(".triage-suggestion[data-kind=priority]")).hasCount(0);
		screenshot(this.page, "triage-bug-page");
	}

	@Test
	void theTriageQueueAcceptsOrDismissesEachSuggestionInOneClick() {
		TestUser ann = this.api.newUser("triqueue");
		TestUser dev = this.api.newUser("triqueuedev");
		String key = this.api.newProject(ann).path("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		String hang = resolved(ann, dev, key, "Checkout hangs forever",
				"After confirming the order the spinner keeps turning and nothing happens.");
		resolved(ann, dev, key, "Stuck on the payment step", "Cannot finish my purchase after entering the card.");
		String fresh = this.api
			.post("/api/projects/" + key + "/bugs", ann.token(),
					Map.of("title", "App freezes when paying", "description",
							"I press Pay and the whole app stops responding.", "severity", "low"))
			.body()
			.path("key")
			.asString();

		signIn(this.page, ann);
		open("/p/" + key + "/triage");
		Locator row = this.page.locator("#triage-" + fresh);
		Locator duplicate = row.locator(".triage-hint[data-kind=duplicate][data-value=" + hang + "]");
		assertThat(duplicate).containsText("duplicate of " + hang);
		assertThat(row.locator(".triage-hint[data-kind=assignee]")).containsText("Suggested: " + dev.name());
		screenshot(this.page, "triage/queue-hints");

		// dismissed: recorded, gone from the row, and not suggested again for this bug
		waitForSwaps(this.page);
		duplicate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Not a duplicate of " + hang))
			.click();
		assertThat(row.locator(".triage-hints")).containsText("Dismissed.");
		assertThat(duplicate).hasCount(0);
		org.assertj.core.api.Assertions.assertThat(
				this.api.get("/api/bugs/" + fresh + "/suggestions", ann.token()).body().path("duplicates").toString())
			.doesNotContain(hang);

		// accepted: the bug is assigned, so it leaves the queue when the page reloads
		waitForSwaps(this.page);
		row.locator(".triage-hint[data-kind=assignee]")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign").setExact(true))
			.click();
		assertThat(this.page.locator("#triage-" + fresh)).hasCount(0);
		org.assertj.core.api.Assertions
			.assertThat(this.api.get("/api/bugs/" + fresh, ann.token()).body().path("assignee").path("id").asString())
			.isEqualTo(dev.id().toString());
		org.assertj.core.api.Assertions
			.assertThat(
					this.api.get("/api/projects/" + key + "/triage", ann.token()).body().path("acceptance").toString())
			.contains("\"kind\":\"assignee\",\"accepted\":1")
			.contains("\"kind\":\"duplicate\",\"accepted\":0,\"dismissed\":1");
	}

	@Test
	void suggestionsFitAPhoneAndTheDarkThemeOnTheBugPageTheQueueAndTheForm() {
		TestUser ann = this.api.newUser("triphone");
		TestUser dev = this.api.newUser("triphonedev");
		String key = this.api.newProject(ann).path("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		String hang = resolved(ann, dev, key, "Checkout hangs forever",
				"After confirming the order the spinner keeps turning and nothing happens.");
		resolved(ann, dev, key, "Stuck on the payment step", "Cannot finish my purchase after entering the card.");
		String fresh = this.api
			.post("/api/projects/" + key + "/bugs", ann.token(),
					Map.of("title", "App freezes when paying", "description",
							"I press Pay and the whole app stops responding.", "severity", "low"))
			.body()
			.path("key")
			.asString();
		Map<String, Browser.NewContextOptions> variants = new LinkedHashMap<>();
		variants.put("desktop-light",
				new Browser.NewContextOptions().setViewportSize(1280, 800).setColorScheme(ColorScheme.LIGHT));
		variants.put("desktop-dark",
				new Browser.NewContextOptions().setViewportSize(1280, 800).setColorScheme(ColorScheme.DARK));
		variants.put("phone-light",
				new Browser.NewContextOptions().setViewportSize(390, 844)
					.setIsMobile(true)
					.setHasTouch(true)
					.setColorScheme(ColorScheme.LIGHT));
		variants.put("phone-dark",
				new Browser.NewContextOptions().setViewportSize(390, 844)
					.setIsMobile(true)
					.setHasTouch(true)
					.setColorScheme(ColorScheme.DARK));
		variants.forEach((variant, options) -> {
			Page p = anotherBrowser(options);
			signIn(p, ann);
			p.navigate(baseUrl() + "/bugs/" + fresh);
			Locator panel = p.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Suggestions"));
			assertThat(panel).containsText("Possible duplicates");
			assertThat(panel).containsText(hang);
			fitsTheWidth(p, variant);
			panel.scrollIntoViewIfNeeded();
			screenshot(p, "triage/" + variant + "-bug-page");

			p.navigate(baseUrl() + "/p/" + key + "/triage");
			assertThat(p.locator("#triage-" + fresh + " .triage-hints")).containsText("Suggested: " + dev.name());
			fitsTheWidth(p, variant);
			screenshot(p, "triage/" + variant + "-queue");

			p.navigate(baseUrl() + "/p/" + key + "/bugs/new");
			waitForHtmx(p);
			p.getByLabel("Description").fill("Paying does nothing, the screen is stuck.");
			p.getByLabel("Title").pressSequentially("Frozen at payment");
			assertThat(p.locator("#similar-bugs")).containsText(hang);
			fitsTheWidth(p, variant);
			screenshot(p, "triage/" + variant + "-new-bug");

			p.navigate(baseUrl() + "/p/" + key + "/settings/triage");
			assertThat(p.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("About the model")))
				.containsText("all-MiniLM-L6-v2");
			fitsTheWidth(p, variant);
			screenshot(p, "triage/" + variant + "-settings");
		});
	}

	private static void fitsTheWidth(Page page, String variant) {
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
			.as("horizontal overflow (px) at " + variant + " of " + page.url())
			.isLessThanOrEqualTo(0);
	}

	private String resolved(TestUser admin, TestUser dev, String key, String title, String description) {
		String bug = this.api
			.post("/api/projects/" + key + "/bugs", admin.token(),
					Map.of("title", title, "description", description, "severity", "critical"))
			.body()
			.path("key")
			.asString();
		this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("priority", "P0", "assignee_id", dev.id().toString()));
		this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("status", "resolved", "resolution", "fixed"));
		return bug;
	}

}
