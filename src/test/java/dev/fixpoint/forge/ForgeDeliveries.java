package dev.fixpoint.forge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import dev.fixpoint.platform.Hmacs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends GitHub's and GitLab's own example payloads (src/test/resources/forge), changed
 * where a test needs it, signed like the forge signs them, over real HTTP.
 */
public final class ForgeDeliveries {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String base;

	private final JsonMapper json = JsonMapper.builder().build();

	public ForgeDeliveries(String base) {
		this.base = base;
	}

	public record Answer(int status, String body) {
	}

	/** An example payload as an editable tree. */
	public ObjectNode example(String path, Consumer<ObjectNode> change) {
		try (InputStream in = ForgeDeliveries.class.getResourceAsStream("/forge/" + path)) {
			ObjectNode payload = (ObjectNode) this.json.readTree(in);
			change.accept(payload);
			return payload;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ObjectNode at(JsonNode node, String field) {
		return (ObjectNode) node.get(field);
	}

	public byte[] bytes(JsonNode payload) {
		return this.json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
	}

	public static String signature(String secret, byte[] body) {
		return "sha256=" + Hmacs.sha256Hex(secret.getBytes(StandardCharsets.UTF_8), body);
	}

	public Answer github(String event, JsonNode payload, String secret) {
		byte[] body = bytes(payload);
		return send("/api/webhooks/github", body, Map.of("X-GitHub-Event", event, "X-GitHub-Delivery",
				UUID.randomUUID().toString(), "X-Hub-Signature-256", signature(secret, body)));
	}

	public Answer gitlab(String event, JsonNode payload, String token) {
		return send("/api/webhooks/gitlab", bytes(payload), Map.of("X-Gitlab-Event", event, "X-Gitlab-Event-UUID",
				UUID.randomUUID().toString(), "X-Gitlab-Token", token));
	}

	public Answer send(String path, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
