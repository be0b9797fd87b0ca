package dev.fixpoint.bugs;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/projects/{id}/bugs/bulk}: the same change for many bugs.
 *
 * @param ids bug ids or keys (at most {@value BugBulk#MAX_BUGS})
 * @param set any of status (+ resolution, verified_by), assignee_id, severity, priority,
 * tags_add, tags_remove, fixed_in (a release name)
 */
public record BulkEdit(List<String> ids, Map<String, Object> set) {
}
