package dev.fixpoint.projects;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** A member's role in a project. */
public enum ProjectRole {

	ADMIN, DEVELOPER, QA, VIEWER;

	@JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ProjectRole> parse(String value) {
		return Arrays.stream(values())
			.filter(r -> r.key().equalsIgnoreCase(value == null ? "" : value.trim()))
			.findFirst();
	}

}
