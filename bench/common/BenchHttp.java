import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * What the sender benches share (bench/slack, bench/webhooks): the HTTP receiver standing in for the other system,
 * the client calling the app's API, and argument parsing. Compiled with each bench by bench/lib.sh's run_bench.
 */
final class BenchHttp {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private BenchHttp() {
	}

	/**
	 * A receiver on 127.0.0.1:{@code port} (0: a free one), started: 8 threads, a backlog of 256, {@code handler} for
	 * every request under {@code path}.
	 */
	static HttpServer receiver(int port, String path, HttpHandler handler) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext(path, handler);
		server.start();
		return server;
	}

	/** Answers {@code status}, with a JSON body, or none for null; closes the exchange. */
	static void respond(HttpExchange exchange, int status, String json) throws IOException {
		if (json == null) {
			exchange.sendResponseHeaders(status, -1);
		}
		else {
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	/** Calls the app's API (a bearer token unless null); the body of a 2xx answer, else an exception. */
	static String send(String method, String url, String token, String json) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(json));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The first group of the first match, or "?". */
	static String find(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group(1) : "?";
	}

	/** The first group of the first match; an exception when there is none. */
	static String match(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("not found in " + text);
		}
		return m.group(1);
	}

	/** The value after {@code name} in the arguments, or {@code fallback}. */
	static String arg(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
