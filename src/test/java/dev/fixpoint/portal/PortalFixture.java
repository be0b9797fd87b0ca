package dev.fixpoint.portal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.TestClock;
import dev.fixpoint.support.TestMailServer;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;

/**
 * Portal test helpers: a public project with its portal on, reports sent like a client
 * would (challenge solved, from an address of its own), and the emails the portal sent.
 */
final class PortalFixture {

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	private final Api api;

	private final String base;

	private final ApplicationContext context;

	private final TestClock clock;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	PortalFixture(Api api, String base, ApplicationContext context, TestClock clock) {
		this.api = api;
		this.base = base;
		this.context = context;
		this.clock = clock;
	}

	record Project(TestUser admin, String key, String id, String orgSlug) {
	}

	/**
	 * A public project of a new admin, its portal on with the given confirmation rule.
	 */
	Project openPortal(boolean confirmation) {
		TestUser admin = this.api.newUser("padmin");
		JsonNode project = this.api.newProject(admin);
		String key = project.path("key").asString();
		String id = project.path("id").asString();
		Api.Response pub = this.api.patch("/api/projects/" + id, admin.token(), Map.of("is_public", true));
		if (pub.status() != 200) {
			throw new IllegalStateException("making the project public failed: " + pub.raw());
		}
		Api.Response put = this.api.put("/api/projects/" + id + "/portal", admin.token(),
				Map.of("enabled", true, "require_email_confirmation", confirmation));
		if (put.status() != 200) {
			throw new IllegalStateException("enabling the portal failed: " + put.raw());
		}
		String org = this.api.get("/api/me", admin.token()).body().path("organizations").get(0).path("slug").asString();
		return new Project(admin, key, id, org);
	}

	/** A client address no other test uses (the rate limits count per address). */
	static String newAddress() {
		int n = ADDRESSES.getAndIncrement();
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	static String newEmail() {
		return "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A challenge answered with its arithmetic question. */
	Map<String, Object> answered(String projectKey, String ip) {
		JsonNode c = challenge(projectKey, ip);
		Matcher m = Pattern.compile("What is (\\d+) plus (\\d+)\\?").matcher(c.path("question").asString());
		if (!m.matches()) {
			throw new IllegalStateException("unexpected question: " + c);
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("challenge", c.path("challenge").asString());
		fields.put("answer", String.valueOf(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))));
		return fields;
	}

	JsonNode challenge(String projectKey, String ip) {
		Api.Response r = this.api.send("GET", "/api/portal/" + projectKey + "/challenge", null, null,
				Map.of("X-Forwarded-For", ip));
		if (r.status() != 200) {
			throw new IllegalStateException("no challenge: " + r.raw());
		}
		return r.body();
	}

	/** Solves a proof of work as the browser does. */
	static String solve(String challenge, int bits) {
		for (long nonce = 0;; nonce++) {
			if (Challenges.leadingZeroBits(Challenges.sha256(challenge + ":" + nonce)) >= bits) {
				return Long.toString(nonce);
			}
		}
	}

	Map<String, Object> report(String projectKey, String ip, String email, String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("title", title);
		body.put("description", "It broke when I clicked save.");
		body.put("steps_to_reproduce", "1. Open\n2. Click save");
		body.put("environment", Map.of("os", "Linux", "browser", "Firefox", "version", "133.0"));
		body.put("website", "");
		body.putAll(answered(projectKey, ip));
		return body;
	}

	Api.Response send(String projectKey, String ip, Map<String, Object> body) {
		return this.api.send("POST", "/api/portal/" + projectKey + "/reports", null, body,
				Map.of("X-Forwarded-For", ip));
	}

	/** Files a report (201 expected) and returns the receipt. */
	JsonNode file(String projectKey, String email, String title) {
		String ip = newAddress();
		Api.Response r = send(projectKey, ip, report(projectKey, ip, email, title));
		if (r.status() != 201) {
			throw new IllegalStateException("report refused: " + r.status() + " " + r.raw());
		}
		return r.body();
	}

	/** The path and query of a tracking URL. */
	static String path(String url) {
		URI uri = URI.create(url);
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

	static String token(String trackingUrl) {
		return URI.create(trackingUrl).getRawQuery().replaceFirst("^token=", "").replaceAll("&.*$", "");
	}

	JsonNode ticket(JsonNode receipt) {
		String url = receipt.path("tracking_url").asString();
		Api.Response r = this.api
			.get("/api/portal/tickets/" + receipt.path("ticket").asString() + "?token=" + token(url), null);
		if (r.status() != 200) {
			throw new IllegalStateException("ticket not readable: " + r.status() + " " + r.raw());
		}
		return r.body();
	}

	HttpResponse<String> getPage(String path) {
		return exchange(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return exchange(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", newAddress())
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Composes the portal's batched updates and sends what the email workers have due an
	 * hour from now (every batch window passed), and returns the messages to
	 * {@code address}.
	 */
	List<MimeMessage> mailTo(String address) {
		PortalWorkers.sendDue(this.context, this.clock.instant().plusSeconds(3600));
		return received(address);
	}

	/** The messages GreenMail received for {@code address} so far (sends nothing). */
	static List<MimeMessage> received(String address) {
		List<MimeMessage> mine = new ArrayList<>();
		try {
			for (MimeMessage m : TestMailServer.get().getReceivedMessages()) {
				Address[] to = m.getAllRecipients();
				if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
					mine.add(m);
				}
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		return mine;
	}

	static String text(MimeMessage message) {
		try {
			Object content = message.getContent();
			if (content instanceof Multipart multipart) {
				StringBuilder all = new StringBuilder();
				collect(multipart, all);
				return all.toString();
			}
			return String.valueOf(content);
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(Multipart multipart, StringBuilder all) throws MessagingException, IOException {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			Object content = part.getContent();
			if (content instanceof Multipart nested) {
				collect(nested, all);
			}
			else if (part.isMimeType("text/plain")) {
				all.append(content).append('\n');
			}
		}
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The first link of an email's text that starts with {@code prefix} (after the host).
	 */
	static String link(MimeMessage message, String pathPrefix) {
		Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "\\S*)").matcher(text(message));
		if (!m.find()) {
			throw new IllegalStateException("no link to " + pathPrefix + " in: " + text(message));
		}
		return m.group(1);
	}

}
