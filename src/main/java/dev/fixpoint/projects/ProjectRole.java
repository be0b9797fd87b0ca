package dev.fixpoint.projects;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** A member's role in a project. */
public enum ProjectRole {

	ADMIN, DEVELOPER, QA, VIEWER;

	private static final Map<String, ProjectRole> BY_KEY = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(ProjectRole::key, r -> r));

	@JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The role whose key is exactly {@code value} ({@code "Admin"} is not one); read for
	 * every member of every member list, so a lookup.
	 */
	public static Optional<ProjectRole> parse(String value) {
		return Optional.ofNullable(value == null ? null : BY_KEY.get(value));
	}

}
