package dev.fixpoint.bugs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Rows another module writes for every bug filed, written by the bug's own insert
 * statement instead of a statement of their own (one round trip per filing for all of
 * them; bench/sql/README.md, "Filing: other modules' rows in the bug's statement"). The
 * module keeps its SQL: it hands the filing data-modifying CTEs over the new bug, which
 * the statement names {@code bug} with the columns {@link #COLUMNS}; the bugs module only
 * strings them together, it never learns their tables. Implemented by sla (the clock,
 * through {@link SlaOnFiling}), notifications (the reporter's and assignee's watches),
 * analytics (the rollups' deltas) and triage (the title row). Rows that depend on the
 * bug's row after filing, or on other events, still come through events.
 */
public interface FiledBugRows {

	/** The columns of {@code bug} a contributor's SQL may read. */
	String COLUMNS = "id, project_id, title, severity, status, reporter_id, assignee_id, component_id, tags, created_at";

	/**
	 * What this module writes for {@code bug}, or {@link Rows#NONE}.
	 */
	Rows rows(FiledBug bug);

	/**
	 * The bug being filed, as its insert writes it.
	 */
	record FiledBug(UUID bugId, UUID projectId, UUID reporterId, UUID assigneeId, Severity severity, Instant at) {
	}

	/**
	 * One or more CTEs ({@code name as (insert … select … from bug)}, comma separated, no
	 * leading {@code with}), each name and each parameter name starting with the
	 * contributor's own prefix (say {@code watch_}): a name another contributor or the
	 * bug's statement uses is refused when the statement is put together.
	 */
	record Rows(String ctes, Map<String, Object> params) {

		public static final Rows NONE = new Rows("", Map.of());

		public boolean none() {
			return this.ctes.isBlank();
		}

	}

}
