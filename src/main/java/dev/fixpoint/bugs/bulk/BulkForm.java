package dev.fixpoint.bugs.bulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.BulkEdit;
import dev.fixpoint.platform.CurrentUser;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The bulk bar of the bug list: the checked bugs (keys) and the changes, empty meaning
 * "leave as is".
 *
 * @param assignee {@code me}, {@code none} or a user id
 * @param back the list with its filters, where the browser returns to
 */
record BulkForm(List<String> ids, String status, String resolution, String assignee, String severity, String priority,
		@BindParam("tag_add") String tagAdd, @BindParam("tag_remove") String tagRemove, String back,
		@BindParam("fixed_in") String fixedIn) {

	BulkEdit toEdit(CurrentUser user) {
		Map<String, Object> set = new LinkedHashMap<>();
		put(set, "status", this.status);
		if (has(this.status)) {
			put(set, "resolution", this.resolution);
		}
		if (has(this.assignee)) {
			set.put("assignee_id", BugRules.assigneeId(this.assignee, user));
		}
		put(set, "severity", this.severity);
		put(set, "priority", this.priority);
		if (has(this.tagAdd)) {
			set.put("tags_add", List.of(this.tagAdd.strip()));
		}
		if (has(this.tagRemove)) {
			set.put("tags_remove", List.of(this.tagRemove.strip()));
		}
		put(set, "fixed_in", this.fixedIn);
		return new BulkEdit(this.ids == null ? List.of() : this.ids, set);
	}

	private static void put(Map<String, Object> set, String key, String value) {
		if (has(value)) {
			set.put(key, value.strip());
		}
	}

	private static boolean has(String value) {
		return value != null && !value.isBlank();
	}

}
