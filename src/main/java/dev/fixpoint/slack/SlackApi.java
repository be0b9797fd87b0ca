package dev.fixpoint.slack;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.outbox.RetryLaterException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Slack's Web API through one {@link RestClient} (the official SDK does not resolve in
 * this build's offline repository, and we use eight methods). Every answer is {@code {ok,
 * error?, ...}}: a 429 (or {@code ratelimited}) throws {@link RetryLaterException} with
 * Slack's {@code Retry-After}, a 5xx or a dropped connection
 * {@link SlackUnavailableException} (both retried by the outbox), an answer with
 * {@code ok: false} {@link SlackRefusedException} (not worth retrying: a removed channel,
 * a revoked token).
 * <p>
 * Slack's rate limits are per method and workspace: after a 429 this node makes no call
 * of that method with that token until {@code Retry-After} has passed (the call throws
 * {@link RetryLaterException} for the time left at once), so the outbox's other rows for
 * the same workspace wait too instead of each earning its own 429.
 */
@Component
class SlackApi {

	/**
	 * The methods called while Slack waits for our answer to a command or interaction (it
	 * gives up after 3 seconds): they get a client that gives up sooner.
	 */
	static final Set<String> WHILE_ANSWERING = Set.of("views.open", "users.info");

	private final RestClient http;

	private final RestClient quick;

	private final JsonMapper json;

	private final String baseUrl;

	private final Clock clock;

	/** Per method and token: no call before this instant (Slack said 429). */
	private final Cache<String, Instant> limited = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(1))
		.maximumSize(10_000)
		.build();

	SlackApi(SlackProperties properties, Clock clock) {
		this.clock = clock;
		this.http = client(Duration.ofSeconds(5), Duration.ofSeconds(10));
		this.quick = client(Duration.ofSeconds(1), Duration.ofMillis(2000));
		this.json = JsonMapper.builder().build();
		this.baseUrl = properties.apiUrl().replaceAll("/+$", "");
	}

	private static RestClient client(Duration connect, Duration read) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(connect);
		requests.setReadTimeout(read);
		return RestClient.builder().requestFactory(requests).build();
	}

	private RestClient client(String method) {
		return WHILE_ANSWERING.contains(method) ? this.quick : this.http;
	}

	/** A call with a JSON body (chat.*, views.open), as the bot. */
	JsonNode call(String token, String method, Map<String, ?> body) {
		return answer(token, method,
				client(method).post()
					.uri(this.baseUrl + "/" + method)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.contentType(new MediaType(MediaType.APPLICATION_JSON, java.nio.charset.StandardCharsets.UTF_8))
					.body(this.json.writeValueAsBytes(body)));
	}

	/** A call with form parameters (users.info, auth.test, oauth.v2.access). */
	JsonNode form(String token, String method, Map<String, String> parameters) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		parameters.forEach(form::add);
		RestClient.RequestBodySpec spec = client(method).post()
			.uri(this.baseUrl + "/" + method)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		if (token != null) {
			spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return answer(token, method, spec.body(form));
	}

	private JsonNode answer(String token, String method, RestClient.RequestBodySpec request) {
		String limit = method + " " + (token == null ? "-" : token);
		Instant now = Times.now(this.clock);
		Instant until = this.limited.getIfPresent(limit);
		if (until != null && now.isBefore(until)) {
			throw new RetryLaterException("Slack " + method + ": rate limited until " + until,
					Duration.between(now, until));
		}
		try {
			return request.exchange((req, res) -> {
				int status = res.getStatusCode().value();
				if (status == 429) {
					Duration wait = retryAfter(res.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
					this.limited.asMap().merge(limit, now.plus(wait), (a, b) -> a.isAfter(b) ? a : b);
					throw new RetryLaterException("Slack " + method + ": 429 rate limited", wait);
				}
				if (status >= 500 || status == 408) {
					throw new SlackUnavailableException("Slack " + method + " answered " + status);
				}
				JsonNode body = read(res.getBody());
				if (status >= 400 || body == null || !body.path("ok").asBoolean(false)) {
					String error = body == null ? "http_" + status : body.path("error").asString("http_" + status);
					if ("ratelimited".equals(error)) {
						throw new RetryLaterException("Slack " + method + ": ratelimited", Duration.ofSeconds(30));
					}
					throw new SlackRefusedException(method, error);
				}
				return body;
			});
		}
		catch (RestClientException ex) {
			if (ex.getCause() instanceof RuntimeException cause && (cause instanceof RetryLaterException
					|| cause instanceof SlackRefusedException || cause instanceof SlackUnavailableException)) {
				throw cause;
			}
			throw new SlackUnavailableException("Slack " + method + " could not be reached: " + ex.getMessage());
		}
	}

	private JsonNode read(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(2 * 1024 * 1024);
		if (bytes.length == 0) {
			return null;
		}
		try {
			return this.json.readTree(bytes);
		}
		catch (tools.jackson.core.JacksonException ex) {
			return null;
		}
	}

	/** Whole seconds; Slack sends no dates. At least a second, at most an hour. */
	static Duration retryAfter(String header) {
		try {
			long seconds = Long.parseLong(header == null ? "" : header.strip());
			return Duration.ofSeconds(Math.clamp(seconds, 1, 3600));
		}
		catch (NumberFormatException ex) {
			return Duration.ofSeconds(30);
		}
	}

	/** Slack answered {@code ok: false}. */
	static final class SlackRefusedException extends RuntimeException {

		private final String error;

		SlackRefusedException(String method, String error) {
			super("Slack " + method + ": " + error);
			this.error = error;
		}

		String error() {
			return this.error;
		}

	}

	/** Slack could not be reached or failed (5xx): worth another try. */
	static final class SlackUnavailableException extends RuntimeException {

		SlackUnavailableException(String message) {
			super(message);
		}

	}

}
