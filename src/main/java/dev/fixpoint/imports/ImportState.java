package dev.fixpoint.imports;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an import job is: waiting, being worked on by one node, or finished one way. */
public enum ImportState {

	QUEUED, RUNNING, DONE, FAILED, CANCELLED,
	/** Done, then undone: the bugs it filed are deleted again. */
	UNDONE;

	@JsonValue
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static ImportState of(String key) {
		return valueOf(key.toUpperCase(java.util.Locale.ROOT));
	}

	public boolean finished() {
		return this == DONE || this == FAILED || this == CANCELLED || this == UNDONE;
	}

}
