package dev.fixpoint.bugs.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.fixpoint.platform.InvalidInputException;

/**
 * The environment as the forms show it: three inputs (OS, browser, version) plus free
 * {@code key: value} lines. Only turns text into the map the API takes; the key and value
 * rules stay in {@code BugRules}.
 */
public final class EnvironmentText {

	public static final Set<String> STANDARD_KEYS = Set.of("os", "browser", "version");

	private EnvironmentText() {
	}

	/**
	 * Builds the environment map; a line without a {@code key:} is the user's error on
	 * field {@code environment}.
	 */
	public static Map<String, String> parse(String os, String browser, String version, String extraLines) {
		Map<String, String> env = new LinkedHashMap<>();
		put(env, "os", os);
		put(env, "browser", browser);
		put(env, "version", version);
		if (extraLines == null) {
			return env;
		}
		String[] lines = extraLines.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw InvalidInputException.of("environment",
						"line " + (i + 1) + " should look like \"key: value\" (e.g. locale: de-DE)");
			}
			put(env, line.substring(0, colon).strip(), line.substring(colon + 1));
		}
		return env;
	}

	/**
	 * The entries that are not OS, browser or version, one {@code key: value} per line.
	 */
	public static String extraLines(Map<String, String> env) {
		StringBuilder text = new StringBuilder();
		env.forEach((key, value) -> {
			if (!STANDARD_KEYS.contains(key)) {
				text.append(key).append(": ").append(value).append('\n');
			}
		});
		return text.toString().strip();
	}

	private static void put(Map<String, String> env, String key, String value) {
		if (value != null && !value.isBlank()) {
			env.put(key, value.strip());
		}
	}

}
