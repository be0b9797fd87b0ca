package dev.fixpoint.bugs;

import java.time.Instant;
import java.util.UUID;

/**
 * A link of a bug to another, named from this bug's side: {@code {type: blocked_by, bug:
 * WEB-1}} on WEB-2 when WEB-1 blocks WEB-2.
 *
 * @param id the link's id ({@code DELETE /api/links/{id}}); null for a duplicate, which
 * is the bug's {@code duplicate_of} field
 * @param label the relation in words, this bug first ("is blocked by")
 * @param bug the other bug
 */
public record BugLink(UUID id, LinkType type, String label, LinkedBug bug, Instant createdAt) {

	/**
	 * The other bug of a link, as much as a list of links shows.
	 *
	 * @param resolved whether it is in a done status
	 */
	public record LinkedBug(UUID id, String key, UUID projectId, String title, String status, boolean resolved) {
	}

}
