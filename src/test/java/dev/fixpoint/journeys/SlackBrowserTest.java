package dev.fixpoint.journeys;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.SlackStandIn;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An organization admin connects Slack by pasting the bot token and signing secret,
 * copies the manifest, then subscribes a channel to a project (a query naming a component
 * the project lacks is refused inline first); a critical bug then posts to that channel
 * (the stand-in for slack.com receives it). Screenshots in target/screenshots/slack.
 */
class SlackBrowserTest extends BrowserTest {

	@Test
	void anAdminConnectsSlackAndSubscribesAChannel() {
		TestUser admin = this.api.newPerson("Priya Raman");
		String key = "SL" + (int) (Math.random() * 9000 + 1000);
		this.api.post("/api/projects", admin.token(), Map.of("name", "Mobile App", "key", key));
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		String team = "T" + unique.substring(0, 9);
		String token = "xoxb-browser-" + unique.substring(9, 25).toLowerCase(Locale.ROOT);
		SlackStandIn.get()
			.stubFor(post(urlEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + token))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"ok\":true,\"team_id\":\"" + team
							+ "\",\"team\":\"Priya's Team\",\"user_id\":\"UBOT1\"}")));
		SlackStandIn.get()
			.stubFor(post(urlEqualTo("/api/chat.postMessage")).withHeader("Authorization", equalTo("Bearer " + token))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"ok\":true,\"ts\":\"1700000000.000900\"}")));

		signIn(this.page, admin);
		open("/settings/slack");
		assertThat(this.page.locator("#slack-unlinked")).isVisible();
		this.page.locator("a", new Page.LocatorOptions().setHasText("Slack settings")).first().click();
		assertThat(this.page.locator("#slack-team")).containsText("Not connected");
		// no client id and secret configured: no "Add to Slack"
		assertThat(this.page.locator("#slack-add")).hasCount(0);
		this.page.locator("#slack-bot-token").fill("not-a-token");
		this.page.locator("#slack-signing-secret").fill(unique.substring(0, 32));
		this.page.locator("#slack-connect-form button[type=submit]").click();
		assertThat(this.page.locator("#slack-bot-token-error")).containsText("xoxb-");
		waitForLoad(this.page);

		this.page.locator("#slack-bot-token").fill(token);
		this.page.locator("#slack-signing-secret").fill(unique.substring(0, 32));
		this.page.locator("#slack-connect-form button[type=submit]").click();
		assertThat(this.page.locator(".alert-ok")).containsText("Connected to Priya's Team");
		assertThat(this.page.locator("#slack-team")).containsText(team);
		assertThat(this.page.locator("body")).not().containsText(token);
		assertThat(this.page.locator("#slack-manifest")).containsText("/api/integrations/slack/commands");
		String orgPage = this.page.url().replace(baseUrl(), "");

		open("/p/" + key + "/members");
		this.page.locator("a[href='/p/" + key + "/settings/slack']").click();
		this.page.locator("#slack-channel-id").fill("C0BUGS" + unique.substring(0, 4));
		this.page.locator("#slack-channel-name").fill("#mobile-bugs");
		this.page.locator("#slack-query").fill("component:warehouse -tag:flaky");
		this.page.locator("#slack-subscribe-form button[type=submit]").click();
		assertThat(this.page.locator("#slack-query-error")).containsText("'warehouse' is not a component");
		assertThat(this.page.locator("#slack-no-subscriptions")).isVisible();
		assertThat(this.page.locator("#slack-channel-name")).hasValue("#mobile-bugs");
		waitForLoad(this.page);
		waitForSwaps(this.page);
		this.page.locator("#slack-query").fill("-tag:flaky is:open");
		this.page.locator("#slack-subscribe-form button[type=submit]").click();
		assertThat(this.page.locator(".alert-ok")).containsText("#mobile-bugs");
		assertThat(this.page.locator("#slack-subscriptions")).containsText("bug.created");
		assertThat(this.page.locator("#slack-subscriptions")).containsText("critical, high");
		assertThat(this.page.locator("#slack-subscriptions")).containsText("query: -tag:flaky is:open");

		this.api.newBug(admin, key, "App crashes on launch", "critical");
		SlackStandIn.get()
			.verify(1,
					postRequestedFor(urlEqualTo("/api/chat.postMessage"))
						.withHeader("Authorization", equalTo("Bearer " + token))
						.withRequestBody(containing("C0BUGS" + unique.substring(0, 4)))
						.withRequestBody(containing("App crashes on launch")));

		for (Look look : LOOKS) {
			screenshotAs(admin, look, orgPage, "slack/org");
			screenshotAs(admin, look, "/p/" + key + "/settings/slack", "slack/channels");
			screenshotAs(admin, look, "/settings/slack", "slack/account");
		}
	}

}
