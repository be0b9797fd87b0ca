package dev.fixpoint.bugs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	private final ProjectAccess access;

	private final AuditLog audit;

	BugExport(BugQueries queries, ProjectAccess access, AuditLog audit) {
		this.queries = queries;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * Validates the filters before anything is written, so a bad filter is still a clean
	 * 400, and records the export in the audit log (with its filters).
	 */
	@Transactional
	public void check(String projectRef, BugListRequest params, CurrentUser user) {
		this.queries.list(projectRef, params.withCursor(null).withLimit(1), user);
		Membership member = this.access.membership(projectRef, user);
		String filters = params.withCursor(null).withLimit(null).queryString();
		this.audit.record(AuditEvent.of("project.bugs_exported", user.id())
			.org(member.project().orgId())
			.target("project", member.projectId(), member.project().key())
			.change(null, Map.of("format", "csv", "filters", filters == null ? "" : filters)));
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
