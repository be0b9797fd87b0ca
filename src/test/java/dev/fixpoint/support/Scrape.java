package dev.fixpoint.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One scrape of {@code /actuator/prometheus}, as Prometheus would take it (the tests'
 * metrics token is set in application-test.yml).
 */
public record Scrape(int status, String contentType, String text) {

	public static final String TOKEN = "test-metrics-token";

	public static Scrape of(String base) {
		return of(base, "Bearer " + TOKEN);
	}

	/** A scrape sending this {@code Authorization} header (null: none). */
	public static Scrape of(String base, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Scrape(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
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
	 * The names of the samples: {@code http_server_requests_seconds_bucket},
	 * {@code fixpoint_bugs_filed_total}, ...
	 */
	public Set<String> sampleNames() {
		return this.text.lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toSet());
	}

}
