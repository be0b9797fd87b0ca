package dev.fixpoint.bugs;

import java.util.Map;

/**
 * The report as its reporter wrote it, normalized by {@link BugRules}: the title
 * (trimmed, never blank), the long texts (stripped, {@code ""} when empty) and the
 * environment (never null). What a QA engineer may edit on a bug they reported
 * ({@link BugField#REPORT_FIELDS}).
 */
record ReportText(String title, String description, String stepsToReproduce, String expectedBehavior,
		String actualBehavior, Map<String, String> environment) {
}
