package dev.fixpoint.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The optional parts of the portal's form (title, what happened and the email are always
 * asked).
 */
public enum PortalField {

	STEPS("steps_to_reproduce", "Steps to reproduce"), EXPECTED("expected_behavior", "What you expected"),
	ACTUAL("actual_behavior", "What happened instead"), ENVIRONMENT("environment", "Your browser and system"),
	ATTACHMENTS("attachments", "Screenshots and files");

	private final String key;

	private final String label;

	PortalField(String key, String label) {
		this.key = key;
		this.label = label;
	}

	public String key() {
		return this.key;
	}

	public String label() {
		return this.label;
	}

	static List<String> keys() {
		return Arrays.stream(values()).map(PortalField::key).toList();
	}

	static Optional<PortalField> parse(String key) {
		return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
	}

}
