package dev.fixpoint.triage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;

/**
 * What a report being written resembles among texts the public may read (the portal's "Is
 * it one of these?": a status page's known problems), by the same hybrid ranking as
 * possible duplicates ({@link HybridRanking},
 * {@code fixpoint.triage.duplicate-threshold}). Only the texts the caller passes are
 * compared: no stored bug, no vector of a bug's own report, nothing private takes part,
 * so neither the ranking nor its scores can tell anything about text the public may not
 * read. Each text's vector is computed on first use and kept in memory (at most
 * {@value #CACHED} texts, by their words: an edited text is a new entry). With the
 * sentence model off ({@code fixpoint.triage.enabled}) words alone rank.
 */
@Service
public class Deflection {

	static final int CACHED = 5_000;

	private final Embeddings embeddings;

	private final VectorRepository vectors;

	private final double threshold;

	private final Cache<String, Optional<byte[]>> known = Caffeine.newBuilder().maximumSize(CACHED).build();

	Deflection(Embeddings embeddings, VectorRepository vectors, TriageProperties properties) {
		this.embeddings = embeddings;
		this.vectors = vectors;
		this.threshold = properties.duplicateThreshold();
	}

	/** A text the public may read: its id (e.g. the bug it is about), title and body. */
	public record PublicText(UUID id, String title, String body) {
	}

	/** A public text like the report, with its score (0..1). */
	public record Match(UUID id, double score) {
	}

	/**
	 * Up to {@code limit} of {@code candidates} like the report so far ({@code title},
	 * {@code description}), best first; none under the threshold.
	 */
	public List<Match> rank(String title, String description, List<PublicText> candidates, int limit) {
		String t = title == null ? "" : title.strip();
		boolean hasDescription = description != null && !description.isBlank();
		if (candidates.isEmpty() || (t.length() < 3 && !hasDescription)) {
			return List.of();
		}
		Optional<byte[]> query = this.embeddings.query(t, description);
		Map<UUID, Float> meaning = new HashMap<>();
		query.ifPresent(
				q -> candidates.forEach(c -> vectorOf(c).ifPresent(v -> meaning.put(c.id(), Vectors.cosine(q, v, 0)))));
		Map<UUID, Float> words = new HashMap<>();
		if (t.length() >= 3) {
			float[] similarity = this.vectors.wordSimilarity(t, candidates.stream().map(PublicText::title).toList());
			for (int i = 0; i < similarity.length; i++) {
				// words alone keep what pg_trgm's own threshold keeps, as the duplicates
				// do
				if (query.isPresent() || similarity[i] >= HybridRanking.WORD_MATCH) {
					words.put(candidates.get(i).id(), similarity[i]);
				}
			}
		}
		HybridRanking.Mode mode = query.isPresent() ? HybridRanking.Mode.HYBRID : HybridRanking.Mode.WORDS;
		return HybridRanking.rank(mode, meaning, words, this.threshold)
			.stream()
			.limit(limit)
			.map(s -> new Match(s.bugId(), Math.round(s.score() * 1000) / 1000.0))
			.toList();
	}

	private Optional<byte[]> vectorOf(PublicText text) {
		String body = text.body() == null ? "" : text.body();
		return this.known.get(text.title() + "\u0000" + body, key -> this.embeddings.query(text.title(), body));
	}

}
