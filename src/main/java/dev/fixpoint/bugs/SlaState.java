package dev.fixpoint.bugs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a bug's running SLA clock stands, as the list shows and filters it (stored in
 * {@code bugs.sla_state}, kept by the sla module): under 75 % of the target, at risk from
 * 75 %, breached from 100 %. Bugs without a running clock (done, or no target for their
 * severity) have none.
 */
public enum SlaState {

	ON_TRACK("On track"), AT_RISK("At risk"), BREACHED("Breached");

	private final String label;

	SlaState(String label) {
		this.label = label;
	}

	@com.fasterxml.jackson.annotation.JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return this.label;
	}

	public static Optional<SlaState> parse(String value) {
		return value == null ? Optional.empty()
				: Arrays.stream(values()).filter(s -> s.key().equalsIgnoreCase(value.strip())).findFirst();
	}

}
