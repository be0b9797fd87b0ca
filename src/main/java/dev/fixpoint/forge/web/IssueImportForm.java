package dev.fixpoint.forge.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.fixpoint.forge.IssueImport;
import dev.fixpoint.imports.ImportMapping;
import dev.fixpoint.platform.InvalidInputException;

/**
 * The integration page's import form: a dry run or the import, the status closed issues
 * take, and labels mapped one per line ({@code urgent = P0}, {@code crash = critical}).
 */
record IssueImportForm(boolean dryRun, String closedStatus, String labels) {

	IssueImport toRequest() {
		Map<String, String> priorities = new LinkedHashMap<>();
		Map<String, String> severities = new LinkedHashMap<>();
		int n = 0;
		for (String line : (this.labels == null ? "" : this.labels).split("\\R")) {
			n++;
			if (line.isBlank()) {
				continue;
			}
			int eq = line.lastIndexOf('=');
			String label = eq < 0 ? "" : line.substring(0, eq).strip();
			String value = eq < 0 ? "" : line.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
			if (label.isEmpty() || label.length() > 100) {
				throw InvalidInputException.of("labels", "line " + n + ": write label = P0..P3 or a severity");
			}
			if (value.matches("p[0-3]")) {
				priorities.put(label, value.toUpperCase(Locale.ROOT));
			}
			else if (value.matches("critical|high|medium|low")) {
				severities.put(label, value);
			}
			else {
				throw InvalidInputException.of("labels",
						"line " + n + ": '" + value + "' is neither P0..P3 nor critical, high, medium, low");
			}
		}
		Map<String, String> statuses = this.closedStatus == null || this.closedStatus.isBlank() ? Map.of()
				: Map.of("closed", this.closedStatus);
		return new IssueImport(this.dryRun,
				new ImportMapping(null, statuses, priorities, severities, null, null, null, null, null));
	}

}
