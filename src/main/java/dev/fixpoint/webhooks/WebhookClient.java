package dev.fixpoint.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one attempt of a delivery: POST with the JSON body and headers, no redirects
 * followed, no automatic retries, connect within {@code connect-timeout}, the whole
 * attempt within {@code timeout} (cancelled after), at most 64 KB of the answer read.
 * Addresses go through {@link TargetGuard}. Never throws: the outcome says what happened.
 */
@Component
class WebhookClient implements DisposableBean {

	static final int MAX_RESPONSE = 64 * 1024;

	static final int EXCERPT = 2000;

	/** How one attempt went. */
	record Outcome(Kind kind, Integer status, String error, String excerpt, Duration retryAfter, Duration took) {

		enum Kind {

			/** A 2xx answer. */
			DELIVERED,
			/**
			 * A timeout, a dropped or refused connection, 5xx or 429: worth another try.
			 */
			RETRY,
			/** Any other answer (3xx, 4xx): the receiver does not want it. */
			FAILED,
			/** The address is internal: never sent. */
			REFUSED

		}

	}

	private final CloseableHttpClient http;

	private final ScheduledExecutorService deadlines;

	private final WebhookProperties properties;

	private final Clock clock;

	WebhookClient(WebhookProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		Timeout connect = Timeout.of(properties.connectTimeout());
		Timeout total = Timeout.of(properties.timeout());
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new TargetGuard(properties.allowPrivate()))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(total).build())
				.setMaxConnTotal(64)
				.setMaxConnPerRoute(8)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(total).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("Fixpoint-Webhooks/1")
			.build();
		this.deadlines = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
	}

	Outcome post(String url, Map<String, String> headers, byte[] body) {
		long started = System.nanoTime();
		HttpPost post;
		try {
			post = new HttpPost(url);
		}
		catch (IllegalArgumentException ex) {
			return new Outcome(Outcome.Kind.FAILED, null, "Invalid URL: " + ex.getMessage(), null, null, Duration.ZERO);
		}
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
		ScheduledFuture<?> deadline = this.deadlines.schedule(post::cancel, this.properties.timeout().toMillis(),
				TimeUnit.MILLISECONDS);
		try (CloseableHttpResponse response = this.http.execute(post)) {
			int status = response.getCode();
			String excerpt = excerpt(response, post);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			if (status >= 200 && status < 300) {
				return new Outcome(Outcome.Kind.DELIVERED, status, null, excerpt, null, took);
			}
			if (status == 429 || status >= 500) {
				return new Outcome(Outcome.Kind.RETRY, status, "HTTP " + status, excerpt,
						retryAfter(response.getFirstHeader("Retry-After")), took);
			}
			return new Outcome(Outcome.Kind.FAILED, status, "HTTP " + status, excerpt, null, took);
		}
		catch (TargetGuard.RefusedAddressException ex) {
			return new Outcome(Outcome.Kind.REFUSED, null, ex.getMessage(), null, null, since(started));
		}
		catch (IOException | RuntimeException ex) {
			return new Outcome(Outcome.Kind.RETRY, null, describe(ex, post), null, null, since(started));
		}
		finally {
			deadline.cancel(false);
		}
	}

	private static Duration since(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static String describe(Exception ex, HttpPost post) {
		if (post.isCancelled()) {
			return "Timed out (no complete answer within the time limit)";
		}
		if (ex instanceof ConnectTimeoutException) {
			return "Timed out connecting";
		}
		if (ex instanceof SocketTimeoutException) {
			return "Timed out waiting for the answer";
		}
		if (ex instanceof HttpHostConnectException) {
			return "Connection refused";
		}
		if (ex instanceof UnknownHostException) {
			return "Unknown host: " + ex.getMessage();
		}
		return "Connection failed: " + ex.getClass().getSimpleName()
				+ (ex.getMessage() == null ? "" : " (" + ex.getMessage() + ")");
	}

	/** The first 64 KB of the answer, of which the first 2,000 characters are kept. */
	private static String excerpt(CloseableHttpResponse response, HttpPost post) throws IOException {
		if (response.getEntity() == null) {
			return null;
		}
		try (InputStream in = response.getEntity().getContent()) {
			byte[] head = in.readNBytes(MAX_RESPONSE);
			if (head.length == MAX_RESPONSE) {
				post.cancel(); // drop the connection rather than read the rest
			}
			String text = new String(head, StandardCharsets.UTF_8);
			return text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
		}
	}

	/** Seconds or an HTTP date; null when absent or unreadable. */
	Duration retryAfter(Header header) {
		if (header == null || header.getValue() == null) {
			return null;
		}
		String value = header.getValue().strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (RuntimeException unreadable) {
				return null;
			}
		}
	}

	@Override
	public void destroy() throws IOException {
		this.deadlines.shutdownNow();
		this.http.close();
	}

}
