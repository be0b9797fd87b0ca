package dev.fixpoint.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum DigestFrequency {

	DAILY, WEEKLY;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<DigestFrequency> parse(String key) {
		return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst();
	}

}
