package dev.fixpoint.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.SlackStandIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * One test's Slack workspace: a unique team and bot token, connected to the admin's
 * organization through the API, with the stand-in for slack.com answering its calls.
 * Sends Slack's requests to Fixpoint signed as Slack signs them.
 */
final class TestWorkspace {

	final String teamId;

	final String token;

	final String signingSecret;

	final TestUser admin;

	final String org;

	private final String base;

	private final Api api;

	private final Clock clock;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	TestWorkspace(String base, Api api, Clock clock, JsonMapper json, TestUser admin) {
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		this.teamId = "T" + unique.substring(0, 10);
		this.token = "xoxb-test-" + unique.substring(10, 26).toLowerCase(Locale.ROOT);
		this.signingSecret = unique.substring(0, 32).toLowerCase(Locale.ROOT);
		this.base = base;
		this.api = api;
		this.clock = clock;
		this.json = json;
		this.admin = admin;
		this.org = api.get("/api/me", admin.token()).body().get("organizations").get(0).get("slug").asString();
	}

	static WireMockServer slack() {
		return SlackStandIn.get();
	}

	/**
	 * Stubs auth.test for the token and connects through {@code PUT
	 * /api/orgs/{org}/integrations/slack}.
	 */
	TestWorkspace connect() {
		answer("auth.test", Map.of("ok", true, "team_id", this.teamId, "team", "Acme " + this.teamId, "user_id",
				"UBOT" + this.teamId.substring(1, 5), "url", "https://acme.slack.com/"));
		answer("chat.postMessage", Map.of("ok", true, "ts", "1700000000.000100", "channel", "C1"));
		answer("chat.update", Map.of("ok", true));
		answer("chat.postEphemeral", Map.of("ok", true));
		answer("chat.unfurl", Map.of("ok", true));
		answer("views.open", Map.of("ok", true));
		Api.Response r = this.api.put("/api/orgs/" + this.org + "/integrations/slack", this.admin.token(),
				Map.of("bot_token", this.token, "signing_secret", this.signingSecret));
		if (r.status() != 200) {
			throw new IllegalStateException("connecting failed: " + r.raw());
		}
		return this;
	}

	/** Slack knows {@code slackUser}'s confirmed email: the person's. */
	String person(TestUser user) {
		String slackUser = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(Locale.ROOT);
		stub(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + slackUser)), json(Map.of("ok",
				true, "user",
				Map.of("id", slackUser, "is_email_confirmed", true, "profile", Map.of("email", user.email())))));
		return slackUser;
	}

	/** A Slack user Slack knows nothing useful about (no matching email). */
	String stranger() {
		String slackUser = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase(Locale.ROOT);
		stub(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + slackUser)), json(Map.of("ok",
				true, "user", Map.of("id", slackUser, "profile", Map.of("email", slackUser + "@elsewhere.test")))));
		return slackUser;
	}

	void answer(String method, Map<String, ?> body) {
		stub(post(urlEqualTo("/api/" + method)), json(body));
	}

	void stub(MappingBuilder mapping, ResponseDefinitionBuilder response) {
		slack().stubFor(mapping.withHeader("Authorization", equalTo("Bearer " + this.token)).willReturn(response));
	}

	ResponseDefinitionBuilder json(Map<String, ?> body) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(this.json.writeValueAsString(body));
	}

	/** The JSON bodies this workspace's bot sent to a method, oldest first. */
	List<JsonNode> sent(String method) {
		return slack()
			.findAll(postRequestedFor(urlEqualTo("/api/" + method)).withHeader("Authorization",
					equalTo("Bearer " + this.token)))
			.stream()
			.map(request -> this.json.readTree(request.getBodyAsString()))
			.toList();
	}

	Api.Response command(String slackUser, String command, String text) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", "deprecated");
		form.put("team_id", this.teamId);
		form.put("team_domain", "acme");
		form.put("channel_id", "C0CHANNEL");
		form.put("user_id", slackUser);
		form.put("command", command);
		form.put("text", text);
		form.put("trigger_id", "1337.42.abcdef");
		return send("/api/integrations/slack/commands", "application/x-www-form-urlencoded", form(form), now(),
				this.signingSecret);
	}

	/** An interaction payload from this workspace (its {@code team} is set here). */
	Api.Response interaction(Map<String, ?> payload) {
		Map<String, Object> withTeam = new LinkedHashMap<>(payload);
		withTeam.put("team", Map.of("id", this.teamId, "domain", "acme"));
		return interactionAsIs(withTeam);
	}

	Api.Response interactionAsIs(Map<String, ?> payload) {
		return send("/api/integrations/slack/interactions", "application/x-www-form-urlencoded",
				form(Map.of("payload", this.json.writeValueAsString(payload))), now(), this.signingSecret);
	}

	/** An Events API body from this workspace ({@code team_id} set here). */
	Api.Response event(Map<String, ?> body) {
		Map<String, Object> withTeam = new LinkedHashMap<>(body);
		withTeam.putIfAbsent("team_id", this.teamId);
		return send("/api/integrations/slack/events", "application/json", this.json.writeValueAsString(withTeam), now(),
				this.signingSecret);
	}

	String now() {
		return Long.toString(this.clock.instant().getEpochSecond());
	}

	static String form(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	Api.Response send(String path, String contentType, String body, String timestamp, String secret) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = new LinkedHashMap<>();
		if (timestamp != null) {
			headers.put("X-Slack-Request-Timestamp", timestamp);
		}
		if (secret != null) {
			headers.put("X-Slack-Signature", SlackSignature.sign(secret, timestamp == null ? "" : timestamp, bytes));
		}
		return raw(path, contentType, bytes, headers);
	}

	Api.Response raw(String path, String contentType, byte[] body, Map<String, String> headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			headers.forEach(request::header);
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String raw = response.body();
			JsonNode node = raw == null || raw.isBlank() ? null : this.json.readTree(raw);
			Map<String, String> responseHeaders = new LinkedHashMap<>();
			response.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(Locale.ROOT), v.get(0)));
			return new Api.Response(response.statusCode(), responseHeaders, node, raw);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
