package dev.fixpoint.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A project admin adds a webhook on the settings page (bug and release events as
 * checkboxes, a filter), copies the secret shown once, sends a test ping and redelivers
 * it from the log; a developer gets no webhook controls. Screenshots of the pages at
 * desktop and phone width, light and dark: target/screenshots/webhooks-*.png.
 */
class WebhooksBrowserTest extends BrowserTest {

	@Test
	void anAdminAddsAWebhookPingsItAndRedeliversFromTheLog() throws Exception {
		TestUser admin = this.api.newPerson("Grace Hopper");
		String project = this.api.newProject(admin).get("key").asString();
		try (var receiver = new dev.fixpoint.webhooks.TestReceiver()) {
			signIn(this.page, admin);
			open("/p/" + project + "/settings/webhooks");
			this.page.getByLabel("Payload URL").fill("ftp://example.com");
			this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add webhook")).click();
			assertThat(this.page.locator("#f-url-error")).containsText("http or https");
			waitForSwaps(this.page); // the refused form came back through htmx: its
										// controls bind a settle later

			this.page.getByLabel("Payload URL").fill(receiver.url());
			this.page
				.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("comment.created").setExact(true))
				.check();
			this.page
				.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("release.released").setExact(true))
				.check();
			this.page.getByLabel("Filter").fill("severity:critical,high");
			this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add webhook")).click();
			assertThat(this.page.locator("#webhook-secret")).containsText("shown this once");
			shots(admin, "/p/" + project + "/settings/webhooks", "webhooks-list", this.page);

			this.page.reload();
			assertThat(this.page.locator("#webhook-secret")).hasCount(0);
			this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(receiver.url())).click();
			this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test ping")).click();
			assertThat(this.page.locator(".wh-delivery")).hasCount(1);
			assertThat(this.page.locator(".wh-delivery .badge")).hasText("delivered");
			this.page.locator(".wh-delivery summary").click();
			this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Redeliver")).click();
			assertThat(this.page.locator(".wh-delivery")).hasCount(2);
			org.assertj.core.api.Assertions.assertThat(receiver.count()).isEqualTo(2);
			this.api.newBug(admin, project, "Checkout fails for every card", "critical");
			String release = this.api
				.post("/api/projects/" + project + "/releases", admin.token(), java.util.Map.of("name", "1.0"))
				.body()
				.get("id")
				.asString();
			this.api.patch("/api/releases/" + release, admin.token(), java.util.Map.of("released_on", "2026-12-06"));
			org.assertj.core.api.Assertions.assertThat(receiver.count())
				.as("bug.created, then release.released (the filter selects bugs only)")
				.isEqualTo(4);
			this.page.reload();
			this.page.locator(".wh-delivery summary").first().click();
			shots(admin, this.page.url().replace(baseUrl(), ""), "webhooks-deliveries", this.page);

			TestUser dev = this.api.newPerson("Linus Dev");
			this.api.addMember(admin, project, dev, "developer");
			Page devPage = anotherBrowser();
			signIn(devPage, dev);
			devPage.navigate(baseUrl() + "/p/" + project + "/members");
			assertThat(devPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks"))).hasCount(0);
			devPage.navigate(baseUrl() + "/p/" + project + "/settings/webhooks");
			assertThat(devPage.locator("body")).not().containsText("Add a webhook");
		}
	}

	/** Desktop and phone, light and dark. */
	private void shots(TestUser user, String path, String name, Page desktopLight) {
		screenshot(desktopLight, name + "-desktop-light");
		for (var variant : java.util.List.of(new Object[] { "desktop-dark", 1280, 900, ColorScheme.DARK },
				new Object[] { "phone-light", 390, 844, ColorScheme.LIGHT },
				new Object[] { "phone-dark", 390, 844, ColorScheme.DARK })) {
			Page other = anotherBrowser(
					new Browser.NewContextOptions().setViewportSize((int) variant[1], (int) variant[2])
						.setColorScheme((ColorScheme) variant[3]));
			signIn(other, user);
			other.navigate(baseUrl() + path);
			assertThat(other).hasURL(baseUrl() + path); // not Pattern.quote: JavaScript
														// regexes have no \Q
			if (other.locator(".wh-delivery summary").count() > 0) {
				other.locator(".wh-delivery summary").first().click();
			}
			screenshot(other, name + "-" + variant[0]);
		}
	}

}
