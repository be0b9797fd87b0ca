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

	/** The role whose key is exactly {@code value} ({@code "Admin"} is not one). */
	public static Optional<ProjectRole> parse(String value) {
		return Arrays.stream(values()).filter(r -> r.key().equals(value)).findFirst();
	}

}
