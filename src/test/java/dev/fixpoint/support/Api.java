package dev.fixpoint.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of Fixpoint's REST API for tests: real HTTP, JSON in and out. */
public final class Api {

	/** The password of every user made by {@link #newUser}. */
	public static final String PASSWORD = "a-long-enough-password";

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final Set<String> SET_UP = ConcurrentHashMap.newKeySet();

	private final String base;

	private final JsonMapper json;

	/**
	 * How long the test clients ({@link Api}, {@link BrowserSession}, {@link Multipart})
	 * wait for a response's headers: a request the server never answers fails its test
	 * with the request named, instead of hanging the build. A bound for a loaded machine,
	 * never a claim about speed.
	 */
	public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public Api(String base, JsonMapper json) {
		this.base = base;
		this.json = json;
	}

	public record Response(int status, Map<String, String> headers, JsonNode body, String raw) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

	}

	public record TestUser(UUID id, String email, String username, String name, String token) {
	}

	/**
	 * Makes sure the installation is past its first-run setup: pages redirect to /setup
	 * until a user exists, and tests sharing a context must not depend on which of them
	 * created the first one.
	 */
	public void ensureSetUp() {
		if (SET_UP.add(this.base)) {
			newUser("Seed");
		}
	}

	/** Signs up a fresh user with a unique email and username. */
	public TestUser newUser(String namePrefix) {
		int n = COUNTER.incrementAndGet();
		String unique = namePrefix.toLowerCase(java.util.Locale.ROOT) + n + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		Response r = post("/api/auth/signup", null, Map.of("email", unique + "@example.com", "password", PASSWORD,
				"name", namePrefix + " " + n, "username", unique));
		if (r.status() != 201) {
			throw new IllegalStateException("signup failed: " + r.raw());
		}
		return new TestUser(UUID.fromString(r.body().get("user").get("id").asString()), unique + "@example.com", unique,
				namePrefix + " " + n, r.body().get("token").asString());
	}

	/**
	 * Signs up a person with a realistic name (for screenshots), still with a unique
	 * email and username.
	 */
	public TestUser newPerson(String fullName) {
		String unique = fullName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		Response r = post("/api/auth/signup", null,
				Map.of("email", unique + "@example.com", "password", PASSWORD, "name", fullName, "username", unique));
		if (r.status() != 201) {
			throw new IllegalStateException("signup failed: " + r.raw());
		}
		return new TestUser(UUID.fromString(r.body().get("user").get("id").asString()), unique + "@example.com", unique,
				fullName, r.body().get("token").asString());
	}

	/** Signs up a person with this exact email (a unique username). */
	public TestUser newUserWithEmail(String email, String name) {
		String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		Response r = post("/api/auth/signup", null,
				Map.of("email", email, "password", PASSWORD, "name", name, "username", username));
		if (r.status() != 201) {
			throw new IllegalStateException("signup failed: " + r.raw());
		}
		return new TestUser(UUID.fromString(r.body().get("user").get("id").asString()), email, username, name,
				r.body().get("token").asString());
	}

	/**
	 * Signs the user in again: the same person with a fresh token (a test that moves the
	 * clock past a token's lifetime needs one).
	 */
	public TestUser signIn(TestUser user) {
		Response r = post("/api/auth/login", null, Map.of("email", user.email(), "password", PASSWORD));
		if (r.status() != 200) {
			throw new IllegalStateException("login failed: " + r.raw());
		}
		return new TestUser(user.id(), user.email(), user.username(), user.name(), r.body().get("token").asString());
	}

	/** The slug of the person's first organization (the one signing up made). */
	public String firstOrganization(TestUser user) {
		return get("/api/me", user.token()).body().get("organizations").get(0).get("slug").asString();
	}

	/** Creates a project with a random key; returns its JSON. */
	public JsonNode newProject(TestUser owner) {
		String key = "P" + Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits()), 36)
			.toUpperCase()
			.substring(0, 7);
		Response r = post("/api/projects", owner.token(), Map.of("name", "Project " + key, "key", key));
		if (r.status() != 201) {
			throw new IllegalStateException("project creation failed: " + r.raw());
		}
		return r.body();
	}

	public void addMember(TestUser admin, String projectKey, TestUser user, String role) {
		Response r = post("/api/projects/" + projectKey + "/members", admin.token(),
				Map.of("username", user.username(), "role", role));
		if (r.status() != 201) {
			throw new IllegalStateException("adding member failed: " + r.raw());
		}
	}

	/** Adds an existing person to an organization as an org admin would. */
	public void addOrganizationMember(TestUser admin, String org, TestUser user, String role) {
		Response r = post("/api/orgs/" + org + "/members", admin.token(),
				Map.of("username", user.username(), "role", role));
		if (r.status() != 201) {
			throw new IllegalStateException("adding organization member failed: " + r.raw());
		}
	}

	public JsonNode newBug(TestUser reporter, String projectKey, String title, String severity) {
		Response r = post("/api/projects/" + projectKey + "/bugs", reporter.token(),
				Map.of("title", title, "severity", severity));
		if (r.status() != 201) {
			throw new IllegalStateException("bug creation failed: " + r.raw());
		}
		return r.body();
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null, Map.of());
	}

	public Response post(String path, String token, Object body) {
		return send("POST", path, token, body, Map.of());
	}

	public Response patch(String path, String token, Object body) {
		return send("PATCH", path, token, body, Map.of());
	}

	public Response patch(String path, String token, Object body, Map<String, String> headers) {
		return send("PATCH", path, token, body, headers);
	}

	public Response put(String path, String token, Object body) {
		return send("PUT", path, token, body, Map.of());
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null, Map.of());
	}

	public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(REQUEST_TIMEOUT);
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			headers.forEach(request::header);
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				String text = body instanceof String s ? s : this.json.writeValueAsString(body);
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(text));
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Map<String, String> responseHeaders = new LinkedHashMap<>();
			response.headers()
				.map()
				.forEach((k, v) -> responseHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
			String raw = response.body();
			JsonNode node = raw == null || raw.isBlank() ? null : tryParse(raw);
			return new Response(response.statusCode(), responseHeaders, node, raw);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Builds a JSON object body; values may be null (unlike Map.of). */
	public static Map<String, Object> body(Object... keyValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

	private JsonNode tryParse(String raw) {
		try {
			return this.json.readTree(raw);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
