package dev.fixpoint.journeys;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.mail.internet.MimeMessage;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.fixpoint.portal.PortalWorkers;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.Inbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project admin publishes a bug as a public status page entry from the bug page (a
 * developer sees no such control), a visitor follows that entry, confirms by email, and
 * hears when the team fixes it. Screenshots of the bug page's panel and of the status
 * page with the follow form, desktop and phone, light and dark, go to
 * target/screenshots/status-entry.
 */
class StatusEntryBrowserTest extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Test
	void anAdminPublishesFromTheBugPageAndAVisitorFollowsTheEntry() throws Exception {
		TestUser admin = this.api.newPerson("Ada Admin");
		TestUser dev = this.api.newPerson("Dana Developer");
		String key = "S" + UUID.randomUUID().toString().replaceAll("[^A-Z0-9]", "").substring(0, 4).toUpperCase() + "X";
		Api.Response created = this.api.post("/api/projects", admin.token(),
				Map.of("name", "Acme Cloud", "key", key, "is_public", true));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		this.api.addMember(admin, key, dev, "developer");
		String org = this.api.get("/api/me", admin.token()).body().path("organizations").get(0).path("slug").asString();
		String bugKey = this.api.newBug(admin, key, "NullPointerException in SyncWorker#flush", "high")
			.path("key")
			.asString();

		Page developer = anotherBrowser();
		signIn(developer, dev);
		developer.navigate(baseUrl() + "/bugs/" + bugKey);
		waitForHtmx(developer);
		assertThat(developer.locator("#relations")).isVisible();
		assertThat(developer.locator("#status-entry")).hasCount(0);

		signIn(this.page, admin);
		open("/bugs/" + bugKey);
		waitForHtmx(this.page);
		assertThat(this.page.locator("#status-entry")).containsText("Not public");
		waitForSwaps(this.page);
		this.page.getByLabel("Public title").fill("Files sync slowly for some accounts");
		this.page.getByLabel("Public note").fill("Changes still arrive, with a delay of up to an hour.");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish on the status page")).click();
		assertThat(this.page.locator("#status-entry .alert-ok")).containsText("Published on the status page");
		assertThat(this.page.locator("#status-entry")).containsText("Investigating");
		screenshotAll("/bugs/" + bugKey, "bug-panel", admin);

		Page visitor = anotherBrowser();
		visitor.navigate(baseUrl() + "/status/" + org);
		assertThat(visitor.locator(".status-entry h3").first()).hasText("Files sync slowly for some accounts");
		visitor.getByText("Get updates on this problem").click();
		String email = "vi-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
		visitor.locator(".status-follow-form input[type=email]").fill(email);
		visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Follow").setExact(true)).click();
		assertThat(visitor.locator(".status-entry .alert-ok")).containsText("Almost done");

		String confirm = Inbox.link(mailTo(email).get(0), "/status/" + org + "/subscription");
		visitor.navigate(baseUrl() + confirm);
		assertThat(visitor.locator("main")).containsText("Files sync slowly for some accounts");
		visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm the subscription")).click();
		assertThat(visitor.locator("h1")).hasText("Subscribed");

		screenshotAll("/status/" + org, "status-follow", null);

		Api.Response fixed = this.api.patch("/api/bugs/" + bugKey, dev.token(),
				Map.of("status", "resolved", "resolution", "fixed"));
		assertThat(fixed.status()).as(fixed.raw()).isEqualTo(200);
		List<MimeMessage> inbox = mailTo(email);
		assertThat(inbox).hasSize(2);
		assertThat(inbox.get(1).getSubject()).contains("Files sync slowly for some accounts").contains("Fixed");
	}

	/**
	 * The page at desktop and phone width, light and dark, signed in as {@code user} when
	 * given; the status page with an entry's follow form open.
	 */
	private void screenshotAll(String path, String name, TestUser user) {
		for (Look look : LOOKS) {
			Page page = anotherBrowser(look.options());
			if (user != null) {
				signIn(page, user);
			}
			page.navigate(baseUrl() + path);
			waitForHtmx(page);
			if (user != null) {
				page.locator("#status-entry form").first().waitFor();
				waitForSwaps(page);
				page.locator("#status-entry").scrollIntoViewIfNeeded();
			}
			else {
				page.locator(".status-follow summary").first().click();
			}
			screenshot(page, "status-entry/" + name + "-" + look.name());
		}
	}

	private List<MimeMessage> mailTo(String address) {
		PortalWorkers.sendDue(this.context, this.clock.instant().plusSeconds(3600));
		return Inbox.of(address);
	}

}
