package dev.fixpoint.imports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.fixpoint.platform.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GETs JSON from another tracker's REST API for an import, never inside a database
 * transaction: answers 429 (and GitHub's 403 with no requests left or a
 * {@code Retry-After}: its secondary limit) wait as long as the server says
 * ({@code Retry-After}, else {@code X-RateLimit-Reset} or GitLab's
 * {@code RateLimit-Reset}), at most {@code maxWait} each time; an answer saying no
 * requests are left makes the next request wait for the reset first. 5xx answers and
 * timeouts are tried again a few times with a growing pause; 401/403/404 fail at once
 * with what the server refused.
 */
final class RemoteHttp {

	/**
	 * The source's server would not answer as needed: the job fails with this message.
	 */
	static final class RemoteException extends RuntimeException {

		RemoteException(String message) {
			super(message);
		}

	}

	/** An answer: its JSON and headers. */
	record Answer(JsonNode body, HttpResponse<String> response) {

		Optional<String> header(String name) {
			return this.response.headers().firstValue(name);
		}

	}

	/** Waits; tests pass one that records the waits instead of sleeping. */
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	private static final int ATTEMPTS = 4;

	private final HttpClient client;

	private final JsonMapper json;

	private final String label;

	private final Map<String, String> headers;

	private final Duration maxWait;

	private final Sleeper sleeper;

	private final java.time.Clock clock;

	RemoteHttp(HttpClient client, JsonMapper json, String label, Map<String, String> headers, Duration maxWait,
			Sleeper sleeper, java.time.Clock clock) {
		this.clock = clock;
		this.client = client;
		this.json = json;
		this.label = label;
		this.headers = headers;
		this.maxWait = maxWait;
		this.sleeper = sleeper;
	}

	/** When the last answer said no requests are left: wait for its reset first. */
	private Duration exhausted;

	Answer get(String url) {
		if (this.exhausted != null) {
			Duration wait = this.exhausted;
			this.exhausted = null;
			pause(wait);
		}
		for (int attempt = 1;; attempt++) {
			HttpResponse<String> response;
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
					.timeout(Duration.ofSeconds(30))
					.header("Accept", "application/json")
					.GET();
				this.headers.forEach(request::setHeader);
				response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (HttpTimeoutException ex) {
				if (attempt == ATTEMPTS) {
					throw new RemoteException(this.label + " did not answer in time (" + attempts() + ")");
				}
				pause(backoff(attempt));
				continue;
			}
			catch (IOException ex) {
				if (attempt == ATTEMPTS) {
					throw new RemoteException(this.label + " cannot be reached: " + ex.getMessage());
				}
				pause(backoff(attempt));
				continue;
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.of("url", "is not an address");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RemoteException("The import was interrupted");
			}
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				if (remaining(response).filter("0"::equals).isPresent()) {
					this.exhausted = reset(response).orElse(null);
				}
				try {
					return new Answer(this.json.readTree(response.body()), response);
				}
				catch (tools.jackson.core.JacksonException ex) {
					throw new RemoteException(this.label + " answered with something that is not JSON");
				}
			}
			Optional<Duration> limited = rateLimited(response);
			if (limited.isPresent() && attempt < ATTEMPTS * 3) {
				pause(limited.get());
				continue;
			}
			if (status >= 500 && attempt < ATTEMPTS) {
				pause(backoff(attempt));
				continue;
			}
			throw new RemoteException(refusal(status));
		}
	}

	private String attempts() {
		return ATTEMPTS + " attempts";
	}

	private String refusal(int status) {
		return switch (status) {
			case 401 -> this.label + " refused the credentials (401): check the user and the API token";
			case 403 -> this.label + " does not let these credentials read the issues (403)";
			case 404 -> this.label + " has no such project or address (404): check the address and the project";
			case 429 -> this.label + " kept limiting the requests (429): run the import again later";
			default -> this.label + " answered " + status + " (" + attempts() + ")";
		};
	}

	/**
	 * 429, or GitHub's 403 with no requests left (its primary limit) or with a
	 * {@code Retry-After} (its secondary limit): how long the server asks to wait.
	 */
	private Optional<Duration> rateLimited(HttpResponse<String> response) {
		int status = response.statusCode();
		boolean exhausted = remaining(response).filter("0"::equals).isPresent();
		boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
		if (status != 429 && !(status == 403 && (exhausted || retryAfter))) {
			return Optional.empty();
		}
		Duration wait = response.headers()
			.firstValue("Retry-After")
			.flatMap(RemoteHttp::seconds)
			.map(Duration::ofSeconds)
			.or(() -> reset(response))
			.orElse(Duration.ofSeconds(5));
		return Optional.of(capped(wait));
	}

	/** GitHub's {@code X-RateLimit-Remaining}, GitLab's {@code RateLimit-Remaining}. */
	private static Optional<String> remaining(HttpResponse<String> response) {
		return response.headers()
			.firstValue("X-RateLimit-Remaining")
			.or(() -> response.headers().firstValue("RateLimit-Remaining"))
			.map(String::strip);
	}

	/**
	 * Until the limit resets ({@code X-RateLimit-Reset}, GitLab's
	 * {@code RateLimit-Reset}: epoch seconds; a small number is seconds from now),
	 * capped.
	 */
	private Optional<Duration> reset(HttpResponse<String> response) {
		return response.headers()
			.firstValue("X-RateLimit-Reset")
			.or(() -> response.headers().firstValue("RateLimit-Reset"))
			.flatMap(RemoteHttp::seconds)
			.map(value -> value < 1_000_000_000L ? Duration.ofSeconds(value)
					: Duration.between(dev.fixpoint.platform.Times.now(this.clock), Instant.ofEpochSecond(value)))
			.map(this::capped);
	}

	private Duration capped(Duration wait) {
		if (wait.isNegative()) {
			return Duration.ZERO;
		}
		return wait.compareTo(this.maxWait) > 0 ? this.maxWait : wait;
	}

	private static Optional<Long> seconds(String value) {
		try {
			return Optional.of(Long.parseLong(value.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private Duration backoff(int attempt) {
		Duration wait = Duration.ofSeconds(1L << attempt);
		return wait.compareTo(this.maxWait) > 0 ? this.maxWait : wait;
	}

	private void pause(Duration duration) {
		try {
			this.sleeper.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RemoteException("The import was interrupted");
		}
	}

}
