package dev.fixpoint.mywork;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.analytics.OpenBugCounts;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.Projects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** My work's project cards: each of the caller's projects with its counts. */
@Service
@Transactional(readOnly = true)
public class ProjectCards {

	/** A project card: the project, its open bugs, those assigned to the caller. */
	public record ProjectCard(Project project, int open, int assignedToMe) {
	}

	private final Projects projects;

	private final OpenBugCounts counts;

	ProjectCards(Projects projects, OpenBugCounts counts) {
		this.projects = projects;
		this.counts = counts;
	}

	/** The caller's projects by name. */
	public List<ProjectCard> mine(CurrentUser user) {
		Map<UUID, OpenBugCounts.Counts> counts = this.counts.mine(user);
		return this.projects.mine(user)
			.stream()
			.sorted(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)))
			.map(p -> {
				OpenBugCounts.Counts c = counts.get(p.id());
				return new ProjectCard(p, c == null ? 0 : c.open(), c == null ? 0 : c.assignedToMe());
			})
			.toList();
	}

}
