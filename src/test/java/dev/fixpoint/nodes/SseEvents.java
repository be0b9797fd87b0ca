package dev.fixpoint.nodes;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the notification stream's {@code unread} events. */
final class SseEvents {

	private SseEvents() {
	}

	/** The data of the next {@code unread} event (keep-alive comments are skipped). */
	static JsonNode next(Iterator<String> lines, JsonMapper json) throws Exception {
		CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
			String event = null;
			while (lines.hasNext()) {
				String line = lines.next();
				if (line.startsWith("event:")) {
					event = line.substring(6).trim();
				}
				else if (line.startsWith("data:") && "unread".equals(event)) {
					return line.substring(5).trim();
				}
			}
			throw new IllegalStateException("stream ended");
		});
		// a generous bound so a broken stream fails the test instead of hanging the
		// build; not a timing assertion
		return json.readTree(data.get(60, TimeUnit.SECONDS));
	}

}
