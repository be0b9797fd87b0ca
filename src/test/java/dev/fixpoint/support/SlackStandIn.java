package dev.fixpoint.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * WireMock standing in for slack.com's Web API during the test run: one server on a free
 * port, started with the shared application context ({@code fixpoint.slack.api-url}, see
 * {@link IntegrationTest}). Tests stub and verify what their own workspace (a unique team
 * id and token) sends; stubs they add stay for the run, so they match on their token.
 */
public final class SlackStandIn {

	private static WireMockServer server;

	private SlackStandIn() {
	}

	public static synchronized WireMockServer get() {
		if (server == null) {
			server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
			server.start();
		}
		return server;
	}

	public static String apiUrl() {
		return get().baseUrl() + "/api";
	}

	/** The instance's Slack app's client id, for "Add to Slack" tests. */
	public static final String CLIENT_ID = "1111111111.2222222222";

	public static final String CLIENT_SECRET = "stand-in-client-secret-0123456789";

	public static final String SIGNING_SECRET = "standinsigningsecret0123456789ab";

	/** Slack's consent page, as the stand-in serves it. */
	public static String authorizeUrl() {
		return get().baseUrl() + "/oauth/v2/authorize";
	}

	/**
	 * Configures the instance's Slack app with a client id and secret (so "Add to Slack"
	 * is offered) and points its consent page at the stand-in: for the tests of "Add to
	 * Slack", which get an application context of their own.
	 */
	public static void addToSlack(DynamicPropertyRegistry registry) {
		registry.add("fixpoint.slack.client-id", () -> CLIENT_ID);
		registry.add("fixpoint.slack.client-secret", () -> CLIENT_SECRET);
		registry.add("fixpoint.slack.signing-secret", () -> SIGNING_SECRET);
		registry.add("fixpoint.slack.authorize-url", SlackStandIn::authorizeUrl);
	}

}
