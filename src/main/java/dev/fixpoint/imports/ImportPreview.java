package dev.fixpoint.imports;

import java.util.List;
import java.util.Map;

/**
 * The first rows of an uploaded file as the import would make them, for the mapping step
 * of the wizard: the file's columns, the column each Fixpoint field is read from, and
 * each row's bug with the warnings of that row.
 *
 * @param columns the file's columns (CSV header; a JSON file's fields, flattened)
 * @param fields Fixpoint field to the column it is read from (absent: none found)
 */
public record ImportPreview(List<String> columns, Map<String, String> fields, List<Row> rows) {

	/**
	 * The Fixpoint fields a column can be mapped to, in the order the wizard lists them.
	 */
	public static final List<String> FIELDS = List.of("title", "description", "status", "resolution", "priority",
			"severity", "assignee", "reporter", "tags", "components", "created", "updated", "resolved", "due", "key",
			"id", "comments", "duplicate_of", "environment");

	/**
	 * One row: its line in the file, the key, what it becomes (null title: it is
	 * skipped), and its warnings.
	 */
	public record Row(long line, String original, String title, String status, String priority, String severity,
			String assignee, int comments, List<String> warnings) {
	}

}
