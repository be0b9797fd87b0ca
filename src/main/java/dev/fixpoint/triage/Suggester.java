package dev.fixpoint.triage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Component;

/**
 * Computes a bug's suggestions from its neighbours ({@link SuggestionRules}), the
 * component's owner and the members' open workload, within the project's settings. Only
 * neighbours at least {@code fixpoint.triage.suggestion-threshold} similar vote: without
 * them a suggestion is declined (not shown).
 */
@Component
class Suggester {

	private final Neighbours neighbours;

	private final VectorRepository vectors;

	private final DuplicateFinder duplicates;

	private final SettingsRepository settings;

	private final Team team;

	private final FeedbackRepository feedback;

	private final double threshold;

	private final boolean enabled;

	Suggester(Neighbours neighbours, VectorRepository vectors, DuplicateFinder duplicates, SettingsRepository settings,
			Team team, FeedbackRepository feedback, TriageProperties properties) {
		this.neighbours = neighbours;
		this.vectors = vectors;
		this.duplicates = duplicates;
		this.settings = settings;
		this.team = team;
		this.feedback = feedback;
		this.threshold = properties.suggestionThreshold();
		this.enabled = properties.enabled();
	}

	Suggestions of(Membership member, Bug bug) {
		TriageSettings on = this.settings.of(member.projectId());
		if (!this.enabled || !(on.duplicates() || on.severity() || on.priority() || on.assignee())) {
			return new Suggestions(false, null, null, null, duplicates(member, bug, on));
		}
		List<SuggestionRules.Neighbour> near = this.vectors.vectorOf(bug.id())
			.map(v -> this.neighbours.of(member, v, bug.id()))
			.orElse(List.of())
			.stream()
			.map(Neighbours.Near::neighbour)
			.toList();
		String text = bug.title() + "\n" + bug.description() + "\n" + bug.stepsToReproduce();
		// what someone already accepted or dismissed for this bug is not suggested again
		Suggestion severity = !on.severity() ? null
				: SuggestionRules.severity(text, near, this.threshold)
					.filter(s -> undecided(bug, Feedback.Kind.SEVERITY, s.value()))
					.orElse(null);
		Suggestion priority = !on.priority() ? null
				: SuggestionRules.priority(near, this.threshold)
					.filter(s -> undecided(bug, Feedback.Kind.PRIORITY, s.value()))
					.orElse(null);
		AssigneeSuggestion assignee = !on.assignee() ? null
				: this.team.assignee(member, bug, near, this.threshold)
					.filter(a -> undecided(bug, Feedback.Kind.ASSIGNEE, a.user().id().toString()))
					.orElse(null);
		return new Suggestions(true, severity, priority, assignee, duplicates(member, bug, on));
	}

	/** Possible duplicates not yet accepted or dismissed for this bug. */
	private List<DuplicateCandidate> duplicates(Membership member, Bug bug, TriageSettings on) {
		if (!on.duplicates()) {
			return List.of();
		}
		List<String> decided = this.feedback.decided(bug.id(), Feedback.Kind.DUPLICATE);
		return this.duplicates.duplicatesOf(member, bug)
			.stream()
			.filter(s -> !decided.contains(s.bug().key()))
			.map(s -> candidate(member.project().workflow(), s))
			.toList();
	}

	private boolean undecided(Bug bug, Feedback.Kind kind, String value) {
		return !this.feedback.decided(bug.id(), kind).contains(value);
	}

	private static DuplicateCandidate candidate(Workflow workflow, SimilarBug s) {
		return new DuplicateCandidate(s.bug().key(), s.bug().title(), workflow.nameOf(s.bug().status()),
				workflow.categoryOf(s.bug().status()) != StatusCategory.DONE, s.score());
	}

	/** Who should take a bug: the component's owner, else who resolved its like. */
	@Component
	static class Team {

		private final ProjectMembers members;

		private final ProjectComponents components;

		private final BugQueries bugs;

		Team(ProjectMembers members, ProjectComponents components, BugQueries bugs) {
			this.members = members;
			this.components = components;
			this.bugs = bugs;
		}

		Optional<AssigneeSuggestion> assignee(Membership member, Bug bug, List<SuggestionRules.Neighbour> near,
				double threshold) {
			Map<UUID, UserSummary> workers = this.members.list(member.projectId())
				.stream()
				.filter(m -> BugManagement.canWorkBugs(m.role()))
				.map(Member::user)
				.collect(Collectors.toMap(UserSummary::id, Function.identity()));
			UUID current = bug.assignee() == null ? null : bug.assignee().id();
			Optional<AssigneeSuggestion> owner = owner(member, bug, workers)
				.filter(s -> !s.user().id().equals(current));
			if (owner.isPresent()) {
				return owner;
			}
			Map<UUID, Integer> open = new HashMap<>();
			near.stream()
				.map(SuggestionRules.Neighbour::assigneeId)
				.filter(id -> id != null && workers.containsKey(id))
				.distinct()
				.forEach(id -> open.put(id, openBugs(member, workers.get(id))));
			return SuggestionRules.assignees(near, open, threshold)
				.stream()
				.filter(c -> workers.containsKey(c.userId()) && !c.userId().equals(current))
				.findFirst()
				.map(c -> new AssigneeSuggestion(
						workers.get(c.userId()), "resolved similar bugs " + String.join(", ", c.keys()) + "; "
								+ open.get(c.userId()) + " open bugs now",
						c.keys(), Math.min(1, Math.round(c.weight() * 100) / 100.0)));
		}

		private Optional<AssigneeSuggestion> owner(Membership member, Bug bug, Map<UUID, UserSummary> workers) {
			if (bug.component() == null) {
				return Optional.empty();
			}
			return this.components.findByName(member.projectId(), bug.component())
				.filter(c -> c.ownerId() != null && workers.containsKey(c.ownerId()))
				.map(c -> new AssigneeSuggestion(workers.get(c.ownerId()), "owns the component " + c.name(), List.of(),
						1.0));
		}

		private int openBugs(Membership member, UserSummary user) {
			List<String> open = member.project()
				.workflow()
				.statuses()
				.stream()
				.filter(s -> s.category() != StatusCategory.DONE)
				.map(Workflow.Status::key)
				.toList();
			return this.bugs
				.count(member.projectId().toString(),
						BugListRequest.builder().assignee(user.username()).status(open).build(), member.user())
				.value();
		}

	}

}
