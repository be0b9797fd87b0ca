package dev.fixpoint.bugs;

import java.time.Instant;

import dev.fixpoint.accounts.UserSummary;

/**
 * One change someone made to a bug (a row of its history, with the bug's key and title):
 * the recent activity on a person's bugs. {@code actor} null = the system.
 */
public record RecentChange(String bugKey, String bugTitle, UserSummary actor, String field, String oldValue,
		String newValue, Instant at) {

	/**
	 * The change in a few words: "moved it to in review", "commented", "set priority to
	 * P1".
	 */
	public String what() {
		return switch (this.field) {
			case "status" -> "moved it to " + words(this.newValue);
			case "assignee" -> this.newValue == null ? "unassigned it" : "assigned it";
			case "reported" -> "reported it";
			case "comment_added" -> "commented";
			case "comment_edited" -> "edited a comment";
			case "comment_deleted" -> "deleted a comment";
			case "description", "steps_to_reproduce", "expected_behavior", "actual_behavior", "environment" ->
				"edited the " + words(this.field);
			case "verified_by" -> this.newValue == null ? "withdrew the verification" : "verified the fix";
			default -> this.newValue == null ? "cleared the " + words(this.field)
					: "set the " + words(this.field) + " to " + words(this.newValue);
		};
	}

	private static String words(String key) {
		return key == null ? "" : key.replace('_', ' ');
	}

}
