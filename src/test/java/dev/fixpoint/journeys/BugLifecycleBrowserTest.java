package dev.fixpoint.journeys;

import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A bug's life under the default workflow, each step by the person whose job it is, each
 * in their own browser: QA files it, the admin assigns it, the developer starts and
 * resolves it, QA verifies the fix, the admin closes it; and QA reopens another bug whose
 * fix did not hold.
 */
class BugLifecycleBrowserTest extends BrowserTest {

	@Test
	void fromReportToVerifiedFixAndAReopen() {
		this.api.ensureSetUp();
		TestUser admin = this.api.newUser("Ada");
		TestUser dev = this.api.newUser("Devi");
		TestUser qa = this.api.newUser("Quinn");
		String key = this.api.newProject(admin).get("key").asString();
		this.api.addMember(admin, key, dev, "developer");
		this.api.addMember(admin, key, qa, "qa");

		// QA files the bug
		Page quinn = this.page;
		signIn(quinn, qa);
		quinn.navigate(baseUrl() + "/p/" + key + "/bugs/new");
		quinn.getByLabel("Title").fill("Search finds nothing for words with umlauts");
		quinn.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("High")).check();
		quinn.getByLabel("Steps to reproduce").fill("1. Search for \"Größe\"\n2. Look at the results");
		button(quinn, "File bug").click();
		assertThat(quinn).hasURL(Pattern.compile("/bugs/" + key + "-1$"));
		assertThat(status(quinn)).hasText("Open");
		assertThat(quinn.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start progress"))).hasCount(0);

		// the admin assigns it to the developer
		Page ada = anotherBrowser();
		signIn(ada, admin);
		ada.navigate(baseUrl() + "/bugs/" + key + "-1");
		pickAssignee(ada, dev);
		assertThat(ada.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Activity")))
			.containsText("assignee");

		// the developer starts, comments, and resolves with a resolution
		Page devi = anotherBrowser();
		signIn(devi, dev);
		devi.navigate(baseUrl() + "/bugs/" + key + "-1");
		button(devi, "Start progress").click();
		assertThat(status(devi)).hasText("In Progress");
		// the status change swapped the whole bug in, its comment form too
		waitForSwaps(devi);
		devi.getByLabel("Comment (markdown)").fill("Normalising to NFC before stemming fixes it, see " + key + "-1");
		button(devi, "Comment").click();
		assertThat(devi.locator(".comment").last()).containsText("Normalising to NFC");
		// Resolve asks for its resolution in the dialog
		button(devi, "Resolve").click();
		Locator dialog = devi.locator("#move-dialog");
		assertThat(dialog).isVisible();
		dialog.getByLabel("Resolution").selectOption("fixed");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
		assertThat(status(devi)).hasText("Resolved");

		// QA verifies the fix; QA may not close
		quinn.reload();
		assertThat(status(quinn)).hasText("Resolved");
		assertThat(quinn.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close"))).hasCount(0);
		button(quinn, "Verify fix").click();
		assertThat(quinn.locator(".props")).containsText("Verified by");
		assertThat(quinn.locator(".props")).containsText(qa.name());

		// the admin closes it
		ada.reload();
		button(ada, "Close").click();
		assertThat(status(ada)).hasText("Closed");
		assertThat(ada.locator(".props")).containsText(qa.name());

		// QA reopens another bug whose fix did not hold
		String other = this.api.newBug(admin, key, "Export drops the last row", "medium").get("key").asString();
		this.api.patch("/api/bugs/" + other, admin.token(), Map.of("status", "resolved", "resolution", "fixed"));
		quinn.navigate(baseUrl() + "/bugs/" + other);
		button(quinn, "Reopen").click();
		assertThat(status(quinn)).hasText("Open");
		assertThat(quinn.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Activity")))
			.containsText(Pattern.compile("resolved", Pattern.CASE_INSENSITIVE));
		screenshot(quinn, "lifecycle-reopened");
	}

	private static Locator status(Page page) {
		// not the badge moved at once when the change was sent (keys.js), the server's
		// answer
		return page.locator(".status-box .badge:not(.is-pending)").first();
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
