package dev.fixpoint.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.workflow.StatusCategory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Possible duplicates, by meaning and by words (hybrid ranking), open bugs first, each
 * with its score: while a bug is being written (the form, the API's {@code similar}) and
 * for a filed bug (its page, its suggestions). Candidates scoring under
 * {@code fixpoint.triage.duplicate-threshold} are not shown. With duplicate suggestions
 * switched off for the project, or the sentence model off on this server
 * ({@code fixpoint.triage.enabled}), words alone rank (the matcher the product had
 * before).
 */
@Service
@Transactional(readOnly = true)
public class DuplicateFinder {

	/** Candidates taken from each kind of evidence before they are merged. */
	static final int CANDIDATES = 30;

	static final int SHOWN = 5;

	private final ProjectAccess access;

	private final BugQueries bugs;

	private final VectorIndex index;

	private final VectorRepository vectors;

	private final Embeddings embeddings;

	private final SettingsRepository settings;

	private final double threshold;

	DuplicateFinder(ProjectAccess access, BugQueries bugs, VectorIndex index, VectorRepository vectors,
			Embeddings embeddings, SettingsRepository settings, TriageProperties properties) {
		this.access = access;
		this.bugs = bugs;
		this.index = index;
		this.vectors = vectors;
		this.embeddings = embeddings;
		this.settings = settings;
		this.threshold = properties.duplicateThreshold();
	}

	/** Up to 5 bugs like a report being written, open ones first. */
	public List<SimilarBug> similar(String projectRef, String title, String description, CurrentUser user) {
		Membership member = this.access.membership(projectRef, user);
		String t = title == null ? "" : title.strip();
		if (t.length() > 200) {
			throw InvalidInputException.of("title", "must be at most 200 characters");
		}
		if (description != null && description.length() > 65_536) {
			throw InvalidInputException.of("description", "must be at most 65536 characters");
		}
		boolean hasDescription = description != null && !description.isBlank();
		if (t.length() < 3 && !hasDescription) {
			return List.of();
		}
		boolean meaning = this.settings.of(member.projectId()).duplicates();
		Optional<byte[]> query = meaning ? this.embeddings.query(t, description) : Optional.empty();
		return find(member, t, query, null);
	}

	/** Up to 5 other bugs like this filed one (its page, its suggestions). */
	public List<SimilarBug> duplicatesOf(Membership member, Bug bug) {
		Optional<byte[]> vector = this.embeddings.enabled() ? this.vectors.vectorOf(bug.id()) : Optional.empty();
		return find(member, bug.title(), vector, bug.id());
	}

	private List<SimilarBug> find(Membership member, String title, Optional<byte[]> query, UUID self) {
		HybridRanking.Mode mode = query.isPresent() ? HybridRanking.Mode.HYBRID : HybridRanking.Mode.WORDS;
		Map<UUID, Float> meaning = new HashMap<>();
		query.ifPresent(q -> this.index.nearest(member.projectId(), q, CANDIDATES + 1)
			.forEach(hit -> meaning.put(hit.bugId(), hit.score())));
		Map<UUID, Float> words = title.length() < 3 ? new HashMap<>() : this.vectors.lexical(member.projectId(), title,
				CANDIDATES, HybridRanking.wordsNeeded(mode, this.threshold));
		List<UUID> onlyMeaning = meaning.keySet().stream().filter(id -> !words.containsKey(id)).toList();
		Map<UUID, Float> stored = this.vectors.lexicalOf(onlyMeaning, title);
		// the index in memory may still hold a bug deleted since (its row is gone)
		onlyMeaning.stream().filter(id -> !stored.containsKey(id)).forEach(meaning::remove);
		words.putAll(stored);
		Map<UUID, Double> best = new LinkedHashMap<>();
		for (HybridRanking.Scored scored : HybridRanking.rank(mode, meaning, words, this.threshold)) {
			if (!scored.bugId().equals(self)) {
				best.put(scored.bugId(), scored.score());
			}
			if (best.size() == SHOWN * 2) {
				break;
			}
		}
		List<SimilarBug> found = new ArrayList<>();
		if (member.can(ProjectAction.READ)) {
			// one statement for all of them, not a query (and its users', components')
			// per bug
			for (Bug bug : this.bugs.visible(best.keySet(), member.user())) {
				if (bug.projectId().equals(member.projectId())) {
					found.add(new SimilarBug(bug, Math.round(best.get(bug.id()) * 1000) / 1000.0));
				}
			}
		}
		var workflow = member.project().workflow();
		found.sort(Comparator.comparing((SimilarBug s) -> workflow.categoryOf(s.bug().status()) == StatusCategory.DONE)
			.thenComparing(Comparator.comparingDouble(SimilarBug::score).reversed()));
		return found.size() > SHOWN ? List.copyOf(found.subList(0, SHOWN)) : found;
	}

}
