package dev.fixpoint.support;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Server-Sent Events from the lines of a stream
 * ({@link BrowserSession#openStream}): the data of the next event of a name that passes a
 * check, skipping comments and other events.
 */
public final class SseLines {

	private final Iterator<String> lines;

	private final JsonMapper json;

	public SseLines(Iterator<String> lines, JsonMapper json) {
		this.lines = lines;
		this.json = json;
	}

	public JsonNode next(String event) throws Exception {
		return next(event, data -> true);
	}

	/** The data of the next {@code event} whose data passes {@code check}. */
	public JsonNode next(String event, Predicate<JsonNode> check) throws Exception {
		CompletableFuture<JsonNode> data = CompletableFuture.supplyAsync(() -> {
			String name = null;
			while (this.lines.hasNext()) {
				String line = this.lines.next();
				if (line.startsWith("event:")) {
					name = line.substring(6).trim();
				}
				else if (line.startsWith("data:") && event.equals(name)) {
					JsonNode node = this.json.readTree(line.substring(5).trim());
					if (check.test(node)) {
						return node;
					}
				}
			}
			throw new IllegalStateException("stream ended");
		});
		// a generous bound so a broken stream fails the test instead of hanging the
		// build; not a timing assertion
		return data.get(60, TimeUnit.SECONDS);
	}

}
