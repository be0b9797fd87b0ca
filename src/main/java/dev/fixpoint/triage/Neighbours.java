package dev.fixpoint.triage;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.workflow.StatusCategory;

import org.springframework.stereotype.Component;

/** The bugs of a project nearest to a vector, as the suggestion rules read them. */
@Component
class Neighbours {

	static final int K = 12;

	private final VectorIndex index;

	private final VectorRepository vectors;

	private final BugQueries bugs;

	Neighbours(VectorIndex index, VectorRepository vectors, BugQueries bugs) {
		this.index = index;
		this.vectors = vectors;
		this.bugs = bugs;
	}

	/** A neighbour and the bug it is. */
	record Near(Bug bug, SuggestionRules.Neighbour neighbour) {
	}

	List<Near> of(Membership member, byte[] vector, UUID self) {
		List<VectorIndex.Hit> hits = this.index.nearest(member.projectId(), vector, K + 1)
			.stream()
			.filter(h -> !h.bugId().equals(self))
			.toList();
		Set<UUID> existing = this.vectors.existing(hits.stream().map(VectorIndex.Hit::bugId).toList());
		var workflow = member.project().workflow();
		return hits.stream()
			.filter(h -> existing.contains(h.bugId()))
			.limit(K)
			.flatMap(h -> this.bugs.find(h.bugId(), member).stream().map(bug -> {
				boolean resolved = workflow.categoryOf(bug.status()) == StatusCategory.DONE;
				return new Near(bug, new SuggestionRules.Neighbour(bug.key(), h.score(), bug.severity().key(),
						bug.priority().key(), bug.assignee() == null ? null : bug.assignee().id(), resolved));
			}))
			.toList();
	}

}
