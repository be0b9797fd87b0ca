package dev.fixpoint.workflow;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a status sits in a bug's life; analytics and SLA clocks only look at categories.
 */
public enum StatusCategory {

	TODO("todo"), IN_PROGRESS("in_progress"), DONE("done");

	private final String json;

	StatusCategory(String json) {
		this.json = json;
	}

	@JsonValue
	public String json() {
		return this.json;
	}

}
