package dev.fixpoint.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript for tests of the HTML pages: keeps cookies, takes the CSRF token from the last page's
 * {@code _csrf} hidden input, posts forms, and does not follow redirects (so tests can check where they go).
 */
public final class Browser {

	public static final String PASSWORD = "a-long-enough-password";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Set<String> INSTALLED = ConcurrentHashMap.newKeySet();

	private final String base;

	private final HttpClient http;

	private String csrf;

	public Browser(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * A browser for an installation that is past its first-run setup: pages redirect to /setup until a user exists,
	 * and tests of the shared context must not depend on which test created the first one.
	 */
	public static Browser forInstalledApp(String base, Api api) {
		if (INSTALLED.add(base)) {
			api.newUser("Seed");
		}
		return new Browser(base);
	}

	public record Page(int status, String location, String body) {

		public boolean isRedirectTo(String path) {
			return (this.status == 302 || this.status == 303) && path.equals(this.location);
		}

	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), Map.of());
	}

	/** Posts a form as a browser would, with the CSRF token of the last page seen. */
	public Page post(String path, Map<String, String> form) {
		return post(path, form, Map.of());
	}

	/** Posts like htmx does: the same form, plus {@code HX-Request: true}. */
	public Page htmxPost(String path, Map<String, String> form) {
		return post(path, form, Map.of("HX-Request", "true"));
	}

	public Page follow(Page redirect) {
		return get(redirect.location());
	}

	public Page signIn(String email, String password) {
		get("/login");
		return post("/login", Map.of("email", email, "password", password));
	}

	private Page post(String path, Map<String, String> form, Map<String, String> headers) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (this.csrf != null) {
			fields.putIfAbsent("_csrf", this.csrf);
		}
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	private Page send(HttpRequest.Builder request, Map<String, String> headers) {
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			String location = response.headers().firstValue("Location").map(this::local).orElse(null);
			return new Page(response.statusCode(), location, response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String local(String location) {
		return location.startsWith(this.base) ? location.substring(this.base.length()) : location;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}

}
