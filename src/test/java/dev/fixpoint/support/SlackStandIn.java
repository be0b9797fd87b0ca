package dev.fixpoint.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

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

}
