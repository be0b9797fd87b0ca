package dev.fixpoint.notifications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Component;

/**
 * Who may hear about a bug right now: never the actor, nobody who muted it, only current
 * project members, and for internal notes only the roles that may read them.
 */
@Component
class Recipients {

	record Recipient(UUID userId, ProjectRole role) {
	}

	private final WatcherRepository watchers;

	private final ProjectAccess access;

	Recipients(WatcherRepository watchers, ProjectAccess access) {
		this.watchers = watchers;
		this.access = access;
	}

	/** The people following a bug: its watchers, reporter and assignee. */
	Set<UUID> following(BugFacts bug) {
		Set<UUID> ids = new LinkedHashSet<>(this.watchers.watching(bug.id()));
		ids.add(bug.reporterId());
		if (bug.assigneeId() != null) {
			ids.add(bug.assigneeId());
		}
		return ids;
	}

	List<Recipient> filter(BugFacts bug, Collection<UUID> candidates, UUID actorId, boolean internal) {
		Set<UUID> ids = new LinkedHashSet<>(candidates);
		ids.remove(null);
		if (actorId != null) {
			ids.remove(actorId);
		}
		ids.removeAll(this.watchers.mutedAmong(bug.id(), ids));
		List<Recipient> result = new ArrayList<>();
		for (UUID id : ids) {
			Optional<ProjectRole> role = this.access.roleOf(bug.projectId(), id);
			if (role.isPresent() && (!internal || ProjectAction.READ_INTERNAL.allowedFor(role.get()))) {
				result.add(new Recipient(id, role.get()));
			}
		}
		return result;
	}

}
