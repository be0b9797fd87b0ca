package dev.fixpoint.bugs;

import java.util.Locale;

/**
 * How many bugs match, counted up to {@link #CAP}: past it an exact count would walk a
 * whole big project, and "1,000+" tells people as much. {@code atLeast} = there are more
 * than {@code value}.
 */
public record BugCount(int value, boolean atLeast) {

	/** Counting stops here. */
	public static final int CAP = 1000;

	public static final BugCount ZERO = new BugCount(0, false);

	/** From a count of at most {@code CAP + 1} rows. */
	static BugCount capped(int counted) {
		return counted > CAP ? new BugCount(CAP, true) : new BugCount(counted, false);
	}

	/** {@code 1,234} or {@code 1,000+}. */
	public String label() {
		return String.format(Locale.ROOT, "%,d", this.value) + (this.atLeast ? "+" : "");
	}

	public boolean isZero() {
		return this.value == 0;
	}

}
