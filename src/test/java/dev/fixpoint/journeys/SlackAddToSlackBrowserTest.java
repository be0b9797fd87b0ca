package dev.fixpoint.journeys;

import java.util.Locale;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.SlackStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An organization admin presses "Add to Slack": the browser goes to Slack's consent page
 * (the stand-in, on another site, approves at once and redirects back with a code and the
 * state), Fixpoint exchanges the code at {@code oauth.v2.access} and shows the connected
 * workspace. Opening the same answer again is refused with what to do. Screenshots in
 * target/screenshots/slack.
 */
class SlackAddToSlackBrowserTest extends BrowserTest {

	@DynamicPropertySource
	static void addToSlack(DynamicPropertyRegistry registry) {
		SlackStandIn.addToSlack(registry);
	}

	@Test
	void anAdminAddsFixpointToSlack() {
		TestUser admin = this.api.newPerson("Dana Okafor");
		String org = this.api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		String team = "T" + unique.substring(0, 9);
		String token = "xoxb-consent-" + unique.substring(9, 25).toLowerCase(Locale.ROOT);
		String code = "code-" + unique.substring(0, 16).toLowerCase(Locale.ROOT);
		// Slack's consent page: the admin approves, Slack sends the browser back with a
		// code and the state it was given
		SlackStandIn.get()
			.stubFor(get(urlPathEqualTo("/oauth/v2/authorize"))
				.withQueryParam("client_id", equalTo(SlackStandIn.CLIENT_ID))
				.willReturn(aResponse().withStatus(302)
					.withHeader("Location",
							baseUrl() + "/integrations/slack/oauth?code=" + code + "&state={{request.query.state}}")
					.withTransformers("response-template")));
		SlackStandIn.get()
			.stubFor(post(urlEqualTo("/api/oauth.v2.access")).withRequestBody(containing("code=" + code))
				.willReturn(okJson("{\"ok\":true,\"access_token\":\"" + token
						+ "\",\"token_type\":\"bot\",\"bot_user_id\":\"UBOT2\",\"team\":{\"id\":\"" + team
						+ "\",\"name\":\"Dana's Team\"}}")));
		SlackStandIn.get()
			.stubFor(post(urlEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + token))
				.willReturn(okJson(
						"{\"ok\":true,\"team_id\":\"" + team + "\",\"team\":\"Dana's Team\",\"user_id\":\"UBOT2\"}")));

		signIn(this.page, admin);
		open("/orgs/" + org + "/settings/slack");
		assertThat(this.page.locator("#slack-team")).containsText("Not connected");
		this.page.locator("#slack-add").click();

		assertThat(this.page.locator(".alert-ok")).containsText("Connected to Dana's Team with “Add to Slack”");
		assertThat(this.page.locator("#slack-team")).containsText(team);
		assertThat(this.page.locator("body")).not().containsText(token);
		SlackStandIn.get()
			.verify(1, getRequestedFor(urlPathEqualTo("/oauth/v2/authorize")).withQueryParam("redirect_uri",
					containing("/integrations/slack/oauth")));
		SlackStandIn.get()
			.verify(1,
					postRequestedFor(urlEqualTo("/api/oauth.v2.access")).withRequestBody(containing("code=" + code)));
		String state = SlackStandIn.get()
			.findAll(getRequestedFor(urlPathEqualTo("/oauth/v2/authorize")))
			.getLast()
			.queryParameter("state")
			.firstValue();
		screenshot(this.page, "slack/add-to-slack-connected");

		open("/integrations/slack/oauth?code=" + code + "&state=" + state);
		assertThat(this.page.locator("h1")).containsText("Slack installation refused");
		assertThat(this.page.locator("body")).containsText("already used");
		screenshot(this.page, "slack/add-to-slack-replayed");

		Page dark = anotherBrowser(
				new Browser.NewContextOptions().setColorScheme(ColorScheme.DARK).setViewportSize(390, 844));
		signIn(dark, admin);
		dark.navigate(baseUrl() + "/orgs/" + org + "/settings/slack");
		screenshot(dark, "slack/add-to-slack-phone-dark");
	}

}
