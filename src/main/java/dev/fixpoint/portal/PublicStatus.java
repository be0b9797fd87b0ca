package dev.fixpoint.portal;

import dev.fixpoint.workflow.StatusCategory;

/**
 * A bug's status in plain words for customers, from its workflow category (and
 * resolution): the same words on tracking pages, the status page, feeds and emails.
 */
public enum PublicStatus {

	UNCONFIRMED("unconfirmed", "Waiting for your confirmation"), INVESTIGATING("investigating", "Investigating"),
	FIX_IN_PROGRESS("fix_in_progress", "Fix in progress"), FIXED("fixed", "Fixed"), CLOSED("closed", "Closed");

	private final String key;

	private final String words;

	PublicStatus(String key, String words) {
		this.key = key;
		this.words = words;
	}

	public String key() {
		return this.key;
	}

	public String words() {
		return this.words;
	}

	static PublicStatus of(StatusCategory category, String resolution) {
		return switch (category) {
			case TODO -> INVESTIGATING;
			case IN_PROGRESS -> FIX_IN_PROGRESS;
			case DONE -> resolution == null || "fixed".equals(resolution) ? FIXED : CLOSED;
		};
	}

	static PublicStatus ofCategory(String category) {
		return switch (category) {
			case "in_progress" -> FIX_IN_PROGRESS;
			case "done" -> FIXED;
			default -> INVESTIGATING;
		};
	}

}
