package dev.fixpoint.bugs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Service;

/**
 * CSV export of any filtered bug list, streamed page by page (keyset), so memory stays
 * flat whatever the size. Cells that a spreadsheet would take for a formula are prefixed
 * with an apostrophe (CSV injection).
 */
@Service
public class BugExport {

	static final int PAGE = Page.MAX_LIMIT;

	private static final String[] HEADER = { "key", "title", "status", "severity", "priority", "assignee", "reporter",
			"component", "tags", "due_date", "resolution", "created_at", "updated_at", "resolved_at", "closed_at" };

	private final BugQueries queries;

	BugExport(BugQueries queries) {
		this.queries = queries;
	}

	/**
	 * Validates the filters before anything is written, so a bad filter is still a clean
	 * 400.
	 */
	public void check(String projectRef, BugListRequest params, CurrentUser user) {
		this.queries.list(projectRef, params.withCursor(null).withLimit(1), user);
	}

	public void write(String projectRef, BugListRequest params, CurrentUser user, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF'); // Excel reads UTF-8 only with a BOM
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
			String cursor = null;
			do {
				Page<Bug> page = this.queries.list(projectRef, params.withCursor(cursor).withLimit(PAGE), user);
				for (Bug bug : page.items()) {
					csv.printRecord(bug.key(), safe(bug.title()), bug.status(), bug.severity().key(),
							bug.priority().key(), bug.assignee() == null ? "" : bug.assignee().username(),
							bug.reporter().username(), safe(bug.component()), safe(String.join(";", bug.tags())),
							text(bug.dueDate()), text(bug.resolution()), text(bug.createdAt()), text(bug.updatedAt()),
							text(bug.resolvedAt()), text(bug.closedAt()));
				}
				csv.flush();
				cursor = page.nextCursor();
			}
			while (cursor != null);
		}
	}

	static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
