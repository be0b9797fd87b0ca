package dev.fixpoint.journeys;

import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Someone assigns a bug; the assignee's header shows it at once (Server-Sent Events),
 * with a toast.
 */
class NotificationsBrowserTest extends BrowserTest {

	@Test
	void theAssigneesUnreadCountChangesWithoutReload() {
		TestUser ada = this.api.newPerson("Ada Admin");
		TestUser bob = this.api.newPerson("Bob Builder");
		String key = this.api.newProject(ada).get("key").asString();
		this.api.addMember(ada, key, bob, "developer");
		String bug = this.api.newBug(ada, key, "Checkout button does nothing", "high").get("key").asString();

		signIn(this.page, bob);
		Locator bell = this.page.locator("#notification-bell");
		assertThat(bell).hasAttribute("data-unread", "0"); // the stream is connected
		assertThat(bell.locator(".bell-count")).isHidden();

		Page adas = anotherBrowser();
		signIn(adas, ada);
		adas.navigate(baseUrl() + "/bugs/" + bug);
		pickAssignee(adas, bob);
		assertThat(adas.locator("#assignee-picker a")).containsText(bob.name());

		assertThat(bell.locator(".bell-count")).hasText("1");
		assertThat(bell).hasAttribute("aria-label", "Notifications, 1 unread");
		Locator toast = this.page.locator("#flash .toast-link");
		assertThat(toast).containsText("Ada Admin assigned " + bug + " to you");
		screenshot(this.page, "NotificationsBrowserTest-toast");

		toast.click();
		assertThat(this.page).hasURL(baseUrl() + "/bugs/" + bug);
		assertThat(this.page.locator("#bug-watch")).containsText("Watching, as its assignee.");
	}

	@Test
	void notificationCenterAndPreferencesAtDesktopAndPhoneWidthsInLightAndDark() {
		TestUser ada = this.api.newPerson("Ada Admin");
		TestUser bob = this.api.newPerson("Bob Builder");
		String key = this.api.newProject(ada).get("key").asString();
		this.api.addMember(ada, key, bob, "developer");
		String login = this.api
			.newBug(ada, key, "Login fails with a very long title that wraps on small phone screens", "critical")
			.get("key")
			.asString();
		String search = this.api.newBug(ada, key, "Search ignores accents", "medium").get("key").asString();
		this.api.patch("/api/bugs/" + login, ada.token(), Map.of("assignee_id", bob.id().toString()));
		this.api.patch("/api/bugs/" + search, ada.token(), Map.of("assignee_id", bob.id().toString()));
		this.api.post("/api/bugs/" + login + "/comments", ada.token(),
				Map.of("content", "Can you look today, @" + bob.username() + "?"));
		this.api.patch("/api/bugs/" + login, ada.token(), Map.of("status", "in_progress"));
		this.api.post("/api/notifications/read", bob.token(),
				Map.of("ids",
						java.util.List.of(this.api.get("/api/notifications?limit=1", bob.token())
							.body()
							.get("items")
							.get(0)
							.get("id")
							.asString())));

		for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
			for (int width : new int[] { 1280, 390 }) {
				Page p = anotherBrowser(
						new Browser.NewContextOptions().setViewportSize(width, 844).setColorScheme(scheme));
				signIn(p, bob);
				p.navigate(baseUrl() + "/notifications");
				assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notifications")))
					.isVisible();
				assertThat(p.locator("#notification-bell .bell-count")).hasText("3");
				String suffix = "-" + width + "-" + scheme.name().toLowerCase(java.util.Locale.ROOT);
				screenshot(p, "notifications" + suffix);
				p.navigate(baseUrl() + "/settings/notifications");
				assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Email preferences")))
					.isVisible();
				screenshot(p, "notification-preferences" + suffix);
			}
		}
		// marking read in one tab updates the count (the stream sends it)
		signIn(this.page, bob);
		this.page.navigate(baseUrl() + "/notifications");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark all read")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("3 notifications marked read.");
		assertThat(this.page.locator("#notification-bell .bell-count")).isHidden();
	}

}
