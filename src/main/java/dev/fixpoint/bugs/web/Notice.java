package dev.fixpoint.bugs.web;

import java.util.List;
import java.util.Map;

/**
 * What went wrong with the last edit on a bug page.
 *
 * @param typed the values the user sent, by field, to show them again
 * @param conflict set when someone else changed the bug first
 */
public record Notice(List<String> messages, Map<String, String> typed, Conflict conflict) {

	public static final Notice NONE = new Notice(List.of(), Map.of(), null);

	/**
	 * The edit was made on an old version; {@code resubmit} posted to {@code action}
	 * re-applies it on the current one ({@code action} is null for the report form, which
	 * is shown again with the user's text instead).
	 *
	 * @param summary what the user tried, e.g. "severity → critical"
	 */
	public record Conflict(String summary, String action, Map<String, String> resubmit) {

		/**
		 * The form name of a resubmitted value: a status change's own names (other fields
		 * it carried as {@code set.<field>}), else an inline edit's {@code value}.
		 */
		public String formName(String field) {
			if (!this.resubmit.containsKey("status")) {
				return "value";
			}
			return List.of("status", "resolution", "verified_by", "duplicate_of").contains(field) ? field
					: "set." + field;
		}

	}

	/** Someone else changed the bug first. */
	public boolean stale() {
		return this.conflict != null;
	}

	public boolean empty() {
		return this.messages.isEmpty() && this.conflict == null;
	}

	public String typed(String field) {
		return this.typed.get(field);
	}

}
