package dev.fixpoint.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A browser without JavaScript, for page tests: a cookie jar, form posts with the CSRF token, no automatic
 * redirects. Signs in through the real {@code /login} form ({@code email}, {@code password}, {@code _csrf}).
 * Tests using it are skipped (not failed) while the application has no login page yet.
 */
public final class BrowserSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String csrf;

	private BrowserSession(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public record Page(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

		/** The body without tags and with collapsed whitespace, for "the page says ..." assertions. */
		public String text() {
			return this.body.replaceAll("(?s)<[^>]*>", " ")
				.replace("&amp;", "&")
				.replace("&#39;", "'")
				.replace("&quot;", "\"")
				.replaceAll("\\s+", " ");
		}

	}

	public static BrowserSession signIn(String base, String email, String password) {
		BrowserSession session = new BrowserSession(base);
		Page login = session.get("/login");
		assumeTrue(login.status() == 200 && session.csrf != null, "no /login page with a _csrf field in this build");
		Page signedIn = session.post("/login", Map.of("email", email, "password", password));
		assertThat(signedIn.status()).as("login redirects").isBetween(300, 399);
		assertThat(signedIn.header("location")).doesNotContain("error");
		return session;
	}

	public Page get(String path) {
		return get(path, Map.of());
	}

	public Page get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	/** Posts a form as a browser does, adding the CSRF token of the last page seen. */
	public Page post(String path, Map<String, String> form) {
		return post(path, form, Map.of());
	}

	public Page post(String path, Map<String, String> form, Map<String, String> headers) {
		return post(path, List.copyOf(form.entrySet()), headers);
	}

	/** Posts a form whose names may repeat (checkbox groups), in the given order. */
	public Page post(String path, List<Map.Entry<String, String>> form, Map<String, String> headers) {
		List<Map.Entry<String, String>> fields = new ArrayList<>(form);
		if (this.csrf != null && fields.stream().noneMatch(e -> e.getKey().equals("_csrf"))) {
			fields.add(Map.entry("_csrf", this.csrf));
		}
		String body = fields.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return new Page(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}

}
