package dev.fixpoint.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver for webhook tests, on a free port of 127.0.0.1: records every
 * request that reached it and answers from a script ({@code 200} once the script is used
 * up). {@link Answer#DROP} closes the connection without an answer.
 */
final class Receiver implements AutoCloseable {

	/** One request as received: headers (lower-case names) and the raw body. */
	record Request(Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

	}

	/** What to answer next. */
	record Answer(int status, Map<String, String> headers) {

		static final Answer DROP = new Answer(-1, Map.of());

		static Answer status(int status) {
			return new Answer(status, Map.of());
		}

	}

	private final HttpServer server;

	private final List<Request> received = new CopyOnWriteArrayList<>();

	private final Deque<Answer> script = new ArrayDeque<>();

	Receiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, String> headers = new java.util.LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
			Answer answer;
			synchronized (this.script) {
				answer = this.script.isEmpty() ? Answer.status(200) : this.script.poll();
			}
			this.received.add(new Request(headers, new String(body, StandardCharsets.UTF_8)));
			if (answer == Answer.DROP) {
				// an exception leaves the exchange unanswered: the server closes the
				// connection
				throw new IOException("dropping the connection on purpose");
			}
			answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
			byte[] reply = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), reply.length);
			exchange.getResponseBody().write(reply);
			exchange.close();
		});
		this.server.start();
	}

	/** The next answers, in order. */
	Receiver answer(Answer... answers) {
		synchronized (this.script) {
			this.script.addAll(List.of(answers));
		}
		return this;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	List<Request> received() {
		return List.copyOf(this.received);
	}

	List<String> events() {
		return this.received.stream().map(r -> r.header("X-Fixpoint-Event")).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
