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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.fixpoint.support.Api.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript for tests of the HTML pages over real HTTP: keeps cookies,
 * takes the CSRF token from the last page's {@code _csrf} hidden input, posts forms, and
 * does not follow redirects (so tests can check where they go). For a real browser with
 * JavaScript, see {@link BrowserTest}.
 */
public final class BrowserSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

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

	private BrowserSession(String base, HttpClient http, String csrf) {
		this.base = base;
		this.http = http;
		this.csrf = csrf;
	}

	/**
	 * The same browser (its cookies, its session) talking to another node of the
	 * installation, as a load balancer without sticky sessions would send it.
	 */
	public BrowserSession on(String otherBase) {
		return new BrowserSession(otherBase, this.http, this.csrf);
	}

	/** A signed-out browser on an installation that is past its first-run setup. */
	public static BrowserSession anonymous(String base, Api api) {
		api.ensureSetUp();
		return new BrowserSession(base);
	}

	/**
	 * A signed-out browser on an installation that may still be empty (first-run setup
	 * tests).
	 */
	public static BrowserSession onEmptyInstallation(String base) {
		return new BrowserSession(base);
	}

	/** A browser signed in as {@code user} through the real {@code /login} form. */
	public static BrowserSession signedIn(String base, Api api, TestUser user) {
		BrowserSession session = anonymous(base, api);
		Page signedIn = session.signIn(user.email(), Api.PASSWORD);
		assertThat(signedIn.isRedirectTo("/"))
			.as("sign-in of %s redirects to My work (/), got %s %s", user.email(), signedIn.status(),
					signedIn.location())
			.isTrue();
		return session;
	}

	public record Page(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		/**
		 * The {@code Location} header, relative to the application (as the redirect was
		 * meant).
		 */
		public String location() {
			return header("location");
		}

		public boolean isRedirectTo(String path) {
			return (this.status == 302 || this.status == 303) && path.equals(location());
		}

		/**
		 * The body without tags and with collapsed whitespace, for "the page says ..."
		 * assertions.
		 */
		public String text() {
			return this.body.replaceAll("(?s)<[^>]*>", " ")
				.replace("&amp;", "&")
				.replace("&#39;", "'")
				.replace("&quot;", "\"")
				.replaceAll("\\s+", " ");
		}

	}

	/** The value of one of this browser's cookies, or null. */
	public String cookie(String name) {
		java.net.CookieManager cookies = (java.net.CookieManager) this.http.cookieHandler().orElseThrow();
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Fills in and posts the login form; the answer tells whether it worked. */
	public Page signIn(String email, String password) {
		get("/login");
		return post("/login", Map.of("email", email, "password", password));
	}

	public Page get(String path) {
		return get(path, Map.of());
	}

	public Page get(String path, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), headers);
	}

	/** Gets like htmx does: {@code HX-Request: true}. */
	public Page htmxGet(String path) {
		return get(path, HTMX);
	}

	public Page follow(Page redirect) {
		return get(redirect.location());
	}

	/**
	 * Opens a streaming GET with this browser's cookies (e.g. Server-Sent Events): the
	 * lines arrive as the server writes them. Close the stream when done.
	 */
	public HttpResponse<java.util.stream.Stream<String>> openStream(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Posts a form as a browser would, with the CSRF token of the last page seen. */
	public Page post(String path, Map<String, String> form) {
		return post(path, form, Map.of());
	}

	/** Posts like htmx does: the same form, plus {@code HX-Request: true}. */
	public Page htmxPost(String path, Map<String, String> form) {
		return post(path, form, HTMX);
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
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	/**
	 * Posts a {@code multipart/form-data} form with one file part (as a browser's file
	 * input sends it), the CSRF token of the last page seen as a form field unless
	 * {@code withCsrf} is false, and {@code headers}.
	 */
	public Page postFile(String path, String part, String filename, byte[] content, boolean withCsrf,
			Map<String, String> headers) {
		String boundary = "----fixpoint" + java.util.UUID.randomUUID().toString().replace("-", "");
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		if (withCsrf && this.csrf != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf
					+ "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] bytes = body.toByteArray();
		// "Transfer-Encoding: chunked" (no declared length) when asked for, as some
		// clients send uploads
		HttpRequest.BodyPublisher publisher = headers.containsKey("X-Test-Chunked")
				? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
				: HttpRequest.BodyPublishers.ofByteArray(bytes);
		Map<String, String> sent = new LinkedHashMap<>(headers);
		sent.remove("X-Test-Chunked");
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(publisher), sent);
	}

	/** The CSRF token of the last page seen (what htmx sends as {@code X-CSRF-TOKEN}). */
	public String csrfToken() {
		return this.csrf;
	}

	private Page send(HttpRequest.Builder request, Map<String, String> headers) {
		headers.forEach(request::header);
		request.timeout(Api.REQUEST_TIMEOUT);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			Map<String, String> responseHeaders = new LinkedHashMap<>();
			response.headers()
				.map()
				.forEach((k, v) -> responseHeaders.put(k.toLowerCase(Locale.ROOT),
						k.equalsIgnoreCase("location") ? local(v.get(0)) : v.get(0)));
			return new Page(response.statusCode(), responseHeaders, response.body());
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
