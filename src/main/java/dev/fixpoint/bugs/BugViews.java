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

/**
 * Turns rows into the API's {@link Bug}, loading the people and components of a whole
 * page in two queries.
 */
@Component
class BugViews {

	private final Accounts accounts;

	private final ProjectComponents components;

	private final BugRepository bugs;

	private final ReleaseRepository releases;

	BugViews(Accounts accounts, ProjectComponents components, BugRepository bugs, ReleaseRepository releases) {
		this.accounts = accounts;
		this.components = components;
		this.bugs = bugs;
		this.releases = releases;
	}

	Bug view(BugRow row) {
		return views(List.of(row)).get(0);
	}

	List<Bug> views(List<BugRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Set<UUID> userIds = new HashSet<>();
		rows.forEach(r -> Stream.of(r.reporterId(), r.triage().assigneeId(), r.progress().verifiedBy())
			.filter(Objects::nonNull)
			.forEach(userIds::add));
		Map<UUID, UserSummary> users = new HashMap<>();
		this.accounts.findAll(userIds).forEach(u -> users.put(u.id(), u));
		Map<UUID, String> componentNames = new HashMap<>();
		rows.stream()
			.filter(r -> r.triage().componentId() != null)
			.map(BugRow::projectId)
			.distinct()
			.flatMap(p -> this.components.list(p).stream())
			.forEach(c -> componentNames.put(c.id(), c.name()));
		Map<UUID, String> originals = this.bugs.findKeys(rows.stream()
			.map(r -> r.progress().duplicateOf())
			.filter(Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet()));
		Set<UUID> releaseIds = new HashSet<>();
		rows.forEach(r -> Stream.of(r.triage().fixedIn(), r.triage().affects())
			.filter(Objects::nonNull)
			.forEach(releaseIds::add));
		Map<UUID, String> releases = this.releases.names(releaseIds);
		return rows.stream().map(r -> toBug(r, users, componentNames, originals, releases)).toList();
	}

	private static Bug toBug(BugRow r, Map<UUID, UserSummary> users, Map<UUID, String> components,
			Map<UUID, String> originals, Map<UUID, String> releases) {
		ReportText text = r.report();
		BugRow.Triage t = r.triage();
		BugRow.Progress p = r.progress();
		return new Bug(r.id(), r.key(), r.number(), r.projectId(), text.title(), text.description(),
				text.stepsToReproduce(), text.expectedBehavior(), text.actualBehavior(), text.environment(),
				t.severity(), t.priority(), p.status(), p.resolution(), users.get(r.reporterId()),
				t.assigneeId() == null ? null : users.get(t.assigneeId()),
				t.componentId() == null ? null : components.get(t.componentId()), t.tags(), t.dueDate(),
				r.tracking().slaDueAt(), p.verifiedBy() == null ? null : users.get(p.verifiedBy()), p.resolvedAt(),
				p.closedAt(), r.tracking().githubIssueUrl(), r.tracking().linkedPrs(), r.stamps().version(),
				r.stamps().createdAt(), r.stamps().updatedAt(),
				p.duplicateOf() == null ? null : originals.get(p.duplicateOf()), r.tracking().slaState(),
				t.fixedIn() == null ? null : releases.get(t.fixedIn()),
				t.affects() == null ? null : releases.get(t.affects()));
	}

	static String componentName(List<ProjectComponent> components, UUID id) {
		return components.stream().filter(c -> c.id().equals(id)).map(ProjectComponent::name).findFirst().orElse(null);
	}

}
