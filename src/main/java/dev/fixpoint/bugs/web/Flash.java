package dev.fixpoint.bugs.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A toast for htmx (and fetch) requests: {@code HX-Trigger: {"flash": "..."}}, which
 * app.js shows. Non-ASCII is escaped because header values are sent as ISO-8859-1.
 */
public final class Flash {

	private Flash() {
	}

	public static void send(HttpServletResponse response, String message) {
		response.setHeader("HX-Trigger", "{\"flash\": \"" + escape(message) + "\"}");
	}

	public static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
