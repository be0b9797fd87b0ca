package dev.fixpoint.bugs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A partial edit of a bug, already validated and normalized: only the fields present change; a present
 * {@code null} clears the field. Values: String, {@link Severity}, {@link Priority}, UUID, LocalDate,
 * {@code List<String>} (tags) or {@code Map<String, String>} (environment).
 *
 * @param expectedVersion the version the client edited ({@code If-Match} or {@code version}); null = last write wins
 */
public record BugChanges(Map<BugField, Object> values, Integer expectedVersion) {

	public BugChanges {
		EnumMap<BugField, Object> copy = new EnumMap<>(BugField.class);
		copy.putAll(values);
		values = Collections.unmodifiableMap(copy);
	}

	public static BugChanges of(BugField field, Object value, Integer expectedVersion) {
		Map<BugField, Object> map = new EnumMap<>(BugField.class);
		map.put(field, value);
		return new BugChanges(map, expectedVersion);
	}

	public Set<BugField> fields() {
		return this.values.keySet();
	}

	public boolean has(BugField field) {
		return this.values.containsKey(field);
	}

	public Object get(BugField field) {
		return this.values.get(field);
	}

	public BugChanges withExpectedVersion(Integer version) {
		return new BugChanges(this.values, version);
	}

}
