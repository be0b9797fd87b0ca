package dev.fixpoint.platform.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;

/**
 * Where in a JSON body a problem is, as the {@code field} of a problem's
 * {@code errors[]}: {@code title}, {@code environment.os}, {@code statuses[1].key};
 * {@code body} for the document itself.
 */
final class JsonFieldPath {

	static final String BODY = "body";

	private JsonFieldPath() {
	}

	/** The value the parser is at (its context's current name or index). */
	static String of(TokenStreamContext context) {
		Deque<String> segments = new ArrayDeque<>();
		for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			if (c.inArray()) {
				segments.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
			}
			else if (c.currentName() != null) {
				segments.push(c.currentName());
			}
		}
		return join(segments);
	}

	/** The path of a databind error. */
	static String of(List<JacksonException.Reference> path) {
		Deque<String> segments = new ArrayDeque<>();
		for (int i = path.size() - 1; i >= 0; i--) {
			JacksonException.Reference reference = path.get(i);
			segments.push(reference.getPropertyName() != null ? reference.getPropertyName()
					: "[" + Math.max(0, reference.getIndex()) + "]");
		}
		return join(segments);
	}

	/** {@code parent} and a property in it. */
	static String child(String parent, String name) {
		return BODY.equals(parent) ? name : parent + "." + name;
	}

	private static String join(Deque<String> segments) {
		StringBuilder path = new StringBuilder();
		for (String segment : segments) {
			if (!path.isEmpty() && !segment.startsWith("[")) {
				path.append('.');
			}
			path.append(segment);
		}
		return path.isEmpty() ? BODY : path.toString();
	}

}
