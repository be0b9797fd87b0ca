package dev.fixpoint.bugs;

import java.util.List;
import java.util.UUID;

/**
 * Closed bugs of a project were anonymised by its retention policy: the modules that keep
 * people's data on them (comments, attachments, notifications, portal) replace or remove
 * it in the same transaction ({@code anonymous} is the actor that stands in for people).
 */
public record BugsAnonymised(UUID projectId, List<UUID> bugIds, UUID anonymous) {

	public BugsAnonymised {
		bugIds = List.copyOf(bugIds);
	}

}
