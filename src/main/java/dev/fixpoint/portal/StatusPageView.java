package dev.fixpoint.portal;

import java.time.Instant;
import java.util.List;

/**
 * An organization's status page: the known problems not fixed yet (most severe first) and
 * those fixed in the last {@value StatusPage#HISTORY_DAYS} days.
 */
public record StatusPageView(String organization, String slug, Instant updatedAt, List<StatusEntry> open,
		List<StatusEntry> recentlyFixed) {

	public boolean allClear() {
		return this.open.isEmpty();
	}

}
