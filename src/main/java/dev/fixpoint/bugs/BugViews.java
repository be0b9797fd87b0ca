package dev.fixpoint.bugs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectComponents;

import org.springframework.stereotype.Component;

/** Turns rows into the API's {@link Bug}, loading the people and components of a whole page in two queries. */
@Component
class BugViews {

	private final Accounts accounts;

	private final ProjectComponents components;

	private final BugRepository bugs;

	BugViews(Accounts accounts, ProjectComponents components, BugRepository bugs) {
		this.accounts = accounts;
		this.components = components;
		this.bugs = bugs;
	}

	Bug view(BugRow row) {
		return views(List.of(row)).get(0);
	}

	List<Bug> views(List<BugRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Set<UUID> userIds = new HashSet<>();
		rows.forEach(r -> Stream.of(r.reporterId(), r.assigneeId(), r.verifiedBy())
			.filter(Objects::nonNull)
			.forEach(userIds::add));
		Map<UUID, UserSummary> users = new HashMap<>();
		this.accounts.findAll(userIds).forEach(u -> users.put(u.id(), u));
		Map<UUID, String> componentNames = new HashMap<>();
		rows.stream()
			.filter(r -> r.componentId() != null)
			.map(BugRow::projectId)
			.distinct()
			.flatMap(p -> this.components.list(p).stream())
			.forEach(c -> componentNames.put(c.id(), c.name()));
		Map<UUID, String> originals = this.bugs.findKeys(
				rows.stream().map(BugRow::duplicateOf).filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
		return rows.stream().map(r -> toBug(r, users, componentNames, originals)).toList();
	}

	private static Bug toBug(BugRow r, Map<UUID, UserSummary> users, Map<UUID, String> components,
			Map<UUID, String> originals) {
		return new Bug(r.id(), r.key(), r.number(), r.projectId(), r.title(), r.description(), r.stepsToReproduce(),
				r.expectedBehavior(), r.actualBehavior(), r.environment(), r.severity(), r.priority(), r.status(),
				r.resolution(), users.get(r.reporterId()), r.assigneeId() == null ? null : users.get(r.assigneeId()),
				r.componentId() == null ? null : components.get(r.componentId()), r.tags(), r.dueDate(), r.slaDueAt(),
				r.verifiedBy() == null ? null : users.get(r.verifiedBy()), r.resolvedAt(), r.closedAt(),
				r.githubIssueUrl(), r.linkedPrs(), r.version(), r.createdAt(), r.updatedAt(),
				r.duplicateOf() == null ? null : originals.get(r.duplicateOf()), r.slaState());
	}

	static String componentName(List<ProjectComponent> components, UUID id) {
		return components.stream().filter(c -> c.id().equals(id)).map(ProjectComponent::name).findFirst().orElse(null);
	}

}
