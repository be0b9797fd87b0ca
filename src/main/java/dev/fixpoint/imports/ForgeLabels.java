package dev.fixpoint.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Priority and severity of a GitHub or GitLab issue, which has neither field: read from
 * its labels. A label the mapping names wins ({@code "urgent": "P0"}); else the usual
 * forms: {@code priority: high}, {@code priority/P1}, GitLab's scoped
 * {@code priority::high}, a bare {@code P0}..{@code P3}; {@code severity: critical},
 * {@code sev::S2}. The value found is then mapped like any source's priority or severity.
 * The labels stay tags either way.
 */
final class ForgeLabels {

	private static final Pattern PRIORITY = Pattern
		.compile("^(?:priority|prio|pri)(?:\\s*(?:::|[:=/_-])\\s*|\\s+)(\\S.*)$|^(p[0-3])$", Pattern.CASE_INSENSITIVE);

	private static final Pattern SEVERITY = Pattern.compile("^(?:severity|sev)(?:\\s*(?:::|[:=/_-])\\s*|\\s+)(\\S.*)$",
			Pattern.CASE_INSENSITIVE);

	private ForgeLabels() {
	}

	static Optional<String> priority(List<String> labels, Map<String, String> mapping) {
		return find(labels, mapping, PRIORITY);
	}

	static Optional<String> severity(List<String> labels, Map<String, String> mapping) {
		return find(labels, mapping, SEVERITY);
	}

	private static Optional<String> find(List<String> labels, Map<String, String> mapping, Pattern form) {
		for (String label : labels) {
			String l = label.strip().toLowerCase(Locale.ROOT);
			if (mapping.keySet().stream().anyMatch(k -> k.strip().toLowerCase(Locale.ROOT).equals(l))) {
				return Optional.of(label.strip());
			}
		}
		for (String label : labels) {
			Matcher m = form.matcher(label.strip());
			if (m.matches()) {
				return Optional.of((m.group(1) != null ? m.group(1) : m.group(2)).strip());
			}
		}
		return Optional.empty();
	}

}
