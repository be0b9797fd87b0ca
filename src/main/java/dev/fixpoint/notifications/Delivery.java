package dev.fixpoint.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a person wants to get an event type by email. */
public enum Delivery {

	INSTANT, DIGEST, OFF;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Delivery> parse(String key) {
		return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst();
	}

}
