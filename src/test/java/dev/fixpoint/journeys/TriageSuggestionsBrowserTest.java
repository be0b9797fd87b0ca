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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Filing a bug that was already reported in other words: the form shows the duplicate as
 * it is typed, the bug page suggests a priority and an assignee with their reasons, and
 * one click accepts a suggestion.
 */
@TriageOn
class TriageSuggestionsBrowserTest extends BrowserTest {

	private TestUser ann;

	private TestUser dev;

	private String key;

	/** The bug the new report duplicates in other words. */
	private String hang;

	/**
	 * A project whose developer fixed two payment bugs (P0, assigned to them): what the
	 * suggestions are drawn from.
	 */
	@BeforeEach
	void twoFixedPaymentBugs() {
		this.ann = this.api.newUser("triann");
		this.dev = this.api.newUser("tridev");
		this.key = this.api.newProject(this.ann).path("key").asString();
		this.api.addMember(this.ann, this.key, this.dev, "developer");
		this.hang = resolved("Checkout hangs forever",
				"After confirming the order the spinner keeps turning and nothing happens.");
		resolved("Stuck on the payment step", "Cannot finish my purchase after entering the card.");
	}

	@Test
	void aReporterSeesTheDuplicateByMeaningAndAcceptsASuggestedPriority() {
		signIn(this.page, this.ann);
		open("/p/" + this.key + "/bugs/new");
		waitForHtmx(this.page);
		this.page.getByLabel("Description").fill("I press Pay and the whole app stops responding.");
		this.page.getByLabel("Title").pressSequentially("App freezes when paying");
		Locator duplicates = this.page.locator("#similar-bugs");
		assertThat(duplicates).containsText("Possible duplicates");
		assertThat(duplicates).containsText(this.hang);
		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Low")).check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File bug")).click();
		assertThat(this.page).hasURL(Pattern.compile("/bugs/" + this.key + "-3$"));

		Locator panel = this.page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Suggestions"));
		assertThat(panel).containsText("Priority: P0");
		assertThat(panel).containsText("Assignee: " + this.dev.name());
		assertThat(panel).containsText(this.hang);
		Locator priority = panel.locator(".triage-suggestion[data-kind=priority]");
		priority.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();

		assertThat(this.page).hasURL(Pattern.compile("/bugs/" + this.key + "-3$"));
		assertThat(this.page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Activity")))
			.containsText("P0");
		assertThat(this.page.locator(".triage-suggestion[data-kind=priority]")).hasCount(0);
		screenshot(this.page, "triage-bug-page");
	}

	@Test
	void theTriageQueueAcceptsOrDismissesEachSuggestionInOneClick() {
		String fresh = theFreezeFiled();

		signIn(this.page, this.ann);
		open("/p/" + this.key + "/triage");
		Locator row = this.page.locator("#triage-" + fresh);
		Locator duplicate = row.locator(".triage-hint[data-kind=duplicate][data-value=" + this.hang + "]");
		assertThat(duplicate).containsText("duplicate of " + this.hang);
		assertThat(row.locator(".triage-hint[data-kind=assignee]")).containsText("Suggested: " + this.dev.name());
		screenshot(this.page, "triage/queue-hints");

		// dismissed: recorded, gone from the row, and not suggested again for this bug
		waitForSwaps(this.page);
		duplicate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Not a duplicate of " + this.hang))
			.click();
		assertThat(row.locator(".triage-hints")).containsText("Dismissed.");
		assertThat(duplicate).hasCount(0);
		org.assertj.core.api.Assertions
			.assertThat(this.api.get("/api/bugs/" + fresh + "/suggestions", this.ann.token())
				.body()
				.path("duplicates")
				.toString())
			.doesNotContain(this.hang);

		// accepted: the bug is assigned, so it leaves the queue when the page reloads
		waitForSwaps(this.page);
		row.locator(".triage-hint[data-kind=assignee]")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign").setExact(true))
			.click();
		assertThat(this.page.locator("#triage-" + fresh)).hasCount(0);
		org.assertj.core.api.Assertions
			.assertThat(
					this.api.get("/api/bugs/" + fresh, this.ann.token()).body().path("assignee").path("id").asString())
			.isEqualTo(this.dev.id().toString());
		org.assertj.core.api.Assertions
			.assertThat(this.api.get("/api/projects/" + this.key + "/triage", this.ann.token())
				.body()
				.path("acceptance")
				.toString())
			.contains("\"kind\":\"assignee\",\"accepted\":1")
			.contains("\"kind\":\"duplicate\",\"accepted\":0,\"dismissed\":1");
	}

	@Test
	void suggestionsFitAPhoneAndTheDarkThemeOnTheBugPageTheQueueAndTheForm() {
		String fresh = theFreezeFiled();
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
			signIn(p, this.ann);
			p.navigate(baseUrl() + "/bugs/" + fresh);
			Locator panel = p.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Suggestions"));
			assertThat(panel).containsText("Possible duplicates");
			assertThat(panel).containsText(this.hang);
			fitsTheWidth(p, variant);
			panel.scrollIntoViewIfNeeded();
			screenshot(p, "triage/" + variant + "-bug-page");

			p.navigate(baseUrl() + "/p/" + this.key + "/triage");
			assertThat(p.locator("#triage-" + fresh + " .triage-hints")).containsText("Suggested: " + this.dev.name());
			fitsTheWidth(p, variant);
			screenshot(p, "triage/" + variant + "-queue");

			p.navigate(baseUrl() + "/p/" + this.key + "/bugs/new");
			waitForHtmx(p);
			p.getByLabel("Description").fill("Paying does nothing, the screen is stuck.");
			p.getByLabel("Title").pressSequentially("Frozen at payment");
			assertThat(p.locator("#similar-bugs")).containsText(this.hang);
			fitsTheWidth(p, variant);
			screenshot(p, "triage/" + variant + "-new-bug");

			p.navigate(baseUrl() + "/p/" + this.key + "/settings/triage");
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

	/** The new report: the same problem as {@link #hang} in other words. */
	private String theFreezeFiled() {
		return this.api
			.post("/api/projects/" + this.key + "/bugs", this.ann.token(),
					Map.of("title", "App freezes when paying", "description",
							"I press Pay and the whole app stops responding.", "severity", "low"))
			.body()
			.path("key")
			.asString();
	}

	private String resolved(String title, String description) {
		String bug = this.api
			.post("/api/projects/" + this.key + "/bugs", this.ann.token(),
					Map.of("title", title, "description", description, "severity", "critical"))
			.body()
			.path("key")
			.asString();
		this.api.patch("/api/bugs/" + bug, this.ann.token(),
				Map.of("priority", "P0", "assignee_id", this.dev.id().toString()));
		this.api.patch("/api/bugs/" + bug, this.ann.token(), Map.of("status", "resolved", "resolution", "fixed"));
		return bug;
	}

}
