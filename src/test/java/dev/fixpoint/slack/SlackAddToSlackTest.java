package dev.fixpoint.slack;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Add to Slack" (OAuth v2) over real HTTP: a browser session (cookies, CSRF) presses the
 * button on the settings page, is sent to Slack's consent page with a sealed state, comes
 * back with a code, and the code is exchanged at the stand-in's {@code oauth.v2.access};
 * the bot token ends up sealed in the secret store. A made-up, altered, expired, replayed
 * or someone else's state is refused with a clear message and Slack is not asked.
 */
class SlackAddToSlackTest extends IntegrationTest {

	@DynamicPropertySource
	static void addToSlack(DynamicPropertyRegistry registry) {
		SlackStandIn.addToSlack(registry);
	}

	@Autowired
	SecretBox secrets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FixpointProperties properties;

	private TestUser admin;

	private String org;

	private BrowserSession browser;

	private String team;

	private String token;

	private String code;

	@BeforeEach
	void setUp() {
		this.admin = this.api.newUser("oauth");
		this.org = this.api.get("/api/me", this.admin.token())
			.body()
			.get("organizations")
			.get(0)
			.get("slug")
			.asString();
		this.browser = BrowserSession.signedIn(baseUrl(), this.api, this.admin);
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		this.team = "T" + unique.substring(0, 10);
		this.token = "xoxb-oauth-" + unique.substring(10, 26).toLowerCase(Locale.ROOT);
		this.code = "code-" + unique.substring(0, 20).toLowerCase(Locale.ROOT);
	}

	@Test
	void addToSlackConnectsTheWorkspaceWithASealedBotToken() {
		Map<String, String> consent = addToSlack(this.browser);
		assertThat(consent.get("client_id")).isEqualTo(SlackStandIn.CLIENT_ID);
		assertThat(consent.get("scope").split(",")).contains("commands", "chat:write", "links:read", "links:write",
				"users:read.email");
		String redirect = this.properties.baseUrl().replaceAll("/+$", "") + "/integrations/slack/oauth";
		assertThat(consent.get("redirect_uri")).isEqualTo(redirect);
		assertThat(consent.get("state")).as("sealed: names neither the organization nor the person")
			.isNotBlank()
			.doesNotContain(this.admin.id().toString());
		slackGrants(this.code);

		Page back = this.browser.get(callback(this.code, consent.get("state")));

		assertThat(back.isRedirectTo("/orgs/" + this.org + "/settings/slack")).as(back.status() + " " + back.body())
			.isTrue();
		Page settings = this.browser.follow(back);
		assertThat(settings.text()).contains("Connected to Acme OAuth with “Add to Slack”").contains(this.team);
		SlackStandIn.get()
			.verify(1,
					postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
						.withRequestBody(containing("code=" + this.code))
						.withRequestBody(containing("client_id=" + encode(SlackStandIn.CLIENT_ID)))
						.withRequestBody(containing("client_secret=" + encode(SlackStandIn.CLIENT_SECRET)))
						.withRequestBody(containing("redirect_uri=" + encode(redirect))));
		SlackStandIn.get()
			.verify(1, postRequestedFor(urlEqualTo("/api/auth.test")).withHeader("Authorization",
					equalTo("Bearer " + this.token)));

		Map<String, Object> row = this.jdbc
			.sql("select bot_token, signing_secret, installed_by from slack_workspaces where team_id = :team")
			.param("team", this.team)
			.query()
			.singleRow();
		byte[] sealed = (byte[]) row.get("bot_token");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(this.token);
		assertThat(this.secrets.open(SlackWorkspaces.TOKEN_PURPOSE, sealed)).isEqualTo(this.token);
		assertThat(row.get("signing_secret")).as("the instance's app signs what this workspace sends").isNull();
		assertThat(row.get("installed_by")).isEqualTo(this.admin.id());
		Api.Response connection = this.api.get("/api/orgs/" + this.org + "/integrations/slack", this.admin.token());
		assertThat(connection.body().get("connected").asBoolean()).isTrue();
		assertThat(connection.body().get("add_to_slack").asBoolean()).isTrue();
		assertThat(connection.raw()).doesNotContain(this.token);

		TestWorkspace installed = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, this.admin);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("team_id", this.team);
		form.put("user_id", "UNOBODY01");
		form.put("command", "/bug");
		form.put("text", "help");
		Api.Response command = installed.send("/api/integrations/slack/commands", "application/x-www-form-urlencoded",
				TestWorkspace.form(form), installed.now(), SlackStandIn.SIGNING_SECRET);
		assertThat(command.status()).as("signed by the instance's app: " + command.raw()).isEqualTo(200);
		assertThat(command.body().get("text").asString()).contains("not linked");
	}

	@Test
	void aReplayedStateIsRefusedAndSlackIsAskedOnce() {
		String state = addToSlack(this.browser).get("state");
		slackGrants(this.code);
		assertThat(this.browser.get(callback(this.code, state)).status()).isEqualTo(302);

		Page replay = this.browser.get(callback(this.code, state));

		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.text()).contains("Slack installation refused").contains("already used");
		SlackStandIn.get()
			.verify(1, postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
				.withRequestBody(containing("code=" + this.code)));
	}

	@Test
	void aMadeUpOrAlteredStateIsRefusedBeforeSlackIsAsked() {
		String state = addToSlack(this.browser).get("state");
		slackGrants(this.code);
		int middle = state.length() / 2;
		String altered = state.substring(0, middle) + (state.charAt(middle) == 'A' ? 'B' : 'A')
				+ state.substring(middle + 1);

		for (String forged : new String[] { altered, "made-up-state", "%%%", "" }) {
			Page refused = this.browser.get(callback(this.code, forged));
			assertThat(refused.status()).as(forged).isEqualTo(400);
			assertThat(refused.text()).contains("was not started by Fixpoint");
		}
		assertThat(this.browser.get("/integrations/slack/oauth?code=" + this.code).status()).isEqualTo(400);
		SlackStandIn.get()
			.verify(0, postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
				.withRequestBody(containing("code=" + this.code)));
		assertThat(connected()).isFalse();

		assertThat(this.browser.get(callback(this.code, state)).status()).as("the genuine state still works")
			.isEqualTo(302);
		assertThat(connected()).isTrue();
	}

	@Test
	void anExpiredStateIsRefused() {
		String state = addToSlack(this.browser).get("state");
		slackGrants(this.code);
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		Page refused = this.browser.get(callback(this.code, state));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("expired").contains("within 15 minutes");
		SlackStandIn.get()
			.verify(0, postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
				.withRequestBody(containing("code=" + this.code)));
		assertThat(connected()).isFalse();
	}

	@Test
	void aStateStartedInAnotherSessionOrBySomeoneElseIsRefused() {
		String state = addToSlack(this.browser).get("state");
		slackGrants(this.code);

		BrowserSession sameAdminElsewhere = BrowserSession.signedIn(baseUrl(), this.api, this.admin);
		Page otherSession = sameAdminElsewhere.get(callback(this.code, state));
		assertThat(otherSession.status()).isEqualTo(400);
		assertThat(otherSession.text()).contains("started by someone else or in another browser session");

		TestUser attacker = this.api.newUser("oauthattacker");
		BrowserSession attackerBrowser = BrowserSession.signedIn(baseUrl(), this.api, attacker);
		String attackerOrg = this.api.get("/api/me", attacker.token())
			.body()
			.get("organizations")
			.get(0)
			.get("slug")
			.asString();
		attackerBrowser.get("/orgs/" + attackerOrg + "/settings/slack");
		String attackersState = query(
				URI.create(attackerBrowser.get("/orgs/" + attackerOrg + "/settings/slack/install").location()))
			.get("state");
		Page planted = this.browser.get(callback(this.code, attackersState));
		assertThat(planted.status()).as("an installation someone else started, finished in the admin's browser")
			.isEqualTo(400);
		assertThat(planted.text()).contains("started by someone else");
		SlackStandIn.get()
			.verify(0, postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
				.withRequestBody(containing("code=" + this.code)));

		assertThat(this.browser.get(callback(this.code, state)).status()).as("the admin's own session still can")
			.isEqualTo(302);
	}

	@Test
	void aCodeSlackRefusesStoresNothing() {
		String state = addToSlack(this.browser).get("state");
		SlackStandIn.get()
			.stubFor(post(urlEqualTo("/api/oauth.v2.access")).withRequestBody(containing("code=" + this.code))
				.willReturn(okJson("{\"ok\":false,\"error\":\"invalid_code\"}")));

		Page refused = this.browser.get(callback(this.code, state));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("Slack refused the installation (invalid_code)")
			.doesNotContain(SlackStandIn.CLIENT_SECRET);
		assertThat(connected()).isFalse();
	}

	@Test
	void declinedOnSlackSaysSoAndConnectsNothing() {
		String state = addToSlack(this.browser).get("state");

		Page back = this.browser.get("/integrations/slack/oauth?error=access_denied&state=" + encode(state));

		assertThat(back.isRedirectTo("/orgs/" + this.org + "/settings/slack")).isTrue();
		assertThat(this.browser.follow(back).text()).contains("Slack did not install the app (access_denied)");
		assertThat(connected()).isFalse();
		assertThat(this.browser.get(callback(this.code, state)).text()).as("the state was used")
			.contains("already used");
	}

	@Test
	void onlyOrganizationAdminsMayStart() {
		TestUser member = this.api.newUser("oauthmember");
		this.api.post("/api/orgs/" + this.org + "/members", this.admin.token(),
				Map.of("username", member.username(), "role", "member"));
		BrowserSession memberBrowser = BrowserSession.signedIn(baseUrl(), this.api, member);
		memberBrowser.get("/settings/slack");

		Page refused = memberBrowser.get("/orgs/" + this.org + "/settings/slack/install");

		assertThat(refused.status()).isEqualTo(403);
	}

	/**
	 * Presses "Add to Slack" on the settings page; the query of Slack's consent page it
	 * is sent to.
	 */
	private Map<String, String> addToSlack(BrowserSession session) {
		Page settings = session.get("/orgs/" + this.org + "/settings/slack");
		assertThat(settings.body()).contains("id=\"slack-add\"").contains(this.org + "/settings/slack/install");
		Page start = session.get("/orgs/" + this.org + "/settings/slack/install");
		assertThat(start.status()).as(start.body()).isEqualTo(302);
		URI consent = URI.create(start.location());
		assertThat(consent.getScheme() + "://" + consent.getRawAuthority() + consent.getPath())
			.isEqualTo(SlackStandIn.authorizeUrl());
		return query(consent);
	}

	/** Slack grants this test's code: oauth.v2.access gives its bot token. */
	private void slackGrants(String code) {
		SlackStandIn.get()
			.stubFor(post(urlEqualTo("/api/oauth.v2.access")).withRequestBody(containing("code=" + code))
				.willReturn(okJson(this.json.writeValueAsString(Map.of("ok", true, "access_token", this.token,
						"token_type", "bot", "scope", "commands,chat:write", "bot_user_id", "UBOT01", "app_id", "A01",
						"team", Map.of("id", this.team, "name", "Acme OAuth"))))));
		SlackStandIn.get()
			.stubFor(post(urlEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + this.token))
				.willReturn(okJson(this.json.writeValueAsString(Map.of("ok", true, "team_id", this.team, "team",
						"Acme OAuth", "user_id", "UBOT01", "url", "https://acme-oauth.slack.com/")))));
	}

	private boolean connected() {
		return this.jdbc.sql("select exists (select 1 from slack_workspaces where team_id = :team)")
			.param("team", this.team)
			.query(Boolean.class)
			.single();
	}

	private static String callback(String code, String state) {
		return "/integrations/slack/oauth?code=" + encode(code) + "&state=" + encode(state);
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] kv = pair.split("=", 2);
			query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
		}
		return query;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
