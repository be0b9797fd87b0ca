package dev.fixpoint.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How a candidate duplicate is scored: a weighted sum of its meaning (cosine of the
 * sentence vectors, below zero counted as zero) and its words (pg_trgm word similarity of
 * the titles, 0..1). The weights and the floor were chosen on the evaluation set
 * ({@code TriageQualityTest}, bench/README.md "Triage": 0.9/0.1 ranks as well as meaning
 * alone there): meaning finds the reworded duplicates words miss, words lift an exact
 * error message or identifier the model does not know.
 */
final class HybridRanking {

	static final double MEANING = 0.9;

	static final double WORDS = 0.1;

	/**
	 * Below this a candidate is not shown, by default
	 * ({@code fixpoint.triage.duplicate-threshold}): on the evaluation set 86% of
	 * duplicate pairs score above it and 2% of unrelated ones.
	 */
	static final double FLOOR = 0.35;

	/**
	 * Words alone (the model off, or the project's duplicates by meaning off) show what
	 * is at least this close: pg_trgm's {@code word_similarity_threshold} as the lexical
	 * query sets it ({@code VectorRepository.lexical}).
	 */
	static final double WORD_MATCH = 0.3;

	/**
	 * A title this close in words is shown whatever its meaning score (a typo, an
	 * identifier the model does not know): what the words-only matcher showed before.
	 */
	static final double WORDS_ALONE = 0.5;

	private HybridRanking() {
	}

	/** Which evidence ranks: words only (today's matcher), meaning only, or both. */
	enum Mode {

		WORDS, MEANING, HYBRID

	}

	record Scored(UUID bugId, double score) {
	}

	/**
	 * The least word similarity at which a bug found by words alone (not among the
	 * nearest by meaning, so its meaning counts as 0) can still be shown under
	 * {@code floor}: the lexical query's threshold. Hybrid with the default floor: 0.5
	 * ({@link #WORDS_ALONE}), where pg_trgm's index reads a fraction of the rows 0.3
	 * reads (bench/README.md, "Triage": 100,000 titles, 2.2 s → 0.5 s on a loaded
	 * machine) for the same candidates shown. Words only: {@link #WORD_MATCH}.
	 */
	static double wordsNeeded(Mode mode, double floor) {
		if (mode != Mode.HYBRID) {
			return WORD_MATCH;
		}
		return Math.max(WORD_MATCH, Math.min(WORDS_ALONE, floor / WORDS));
	}

	static double score(Mode mode, Float meaning, Float words) {
		double m = meaning == null ? 0 : Math.max(0, meaning);
		double w = words == null ? 0 : words;
		return switch (mode) {
			case WORDS -> w;
			case MEANING -> m;
			case HYBRID -> MEANING * m + WORDS * w;
		};
	}

	/**
	 * All candidates of either kind by score, best first, those under {@code floor} left
	 * out unless their words alone are close (words only keep pg_trgm's own threshold; a
	 * floor of 0 keeps all).
	 */
	static List<Scored> rank(Mode mode, Map<UUID, Float> meaning, Map<UUID, Float> words, double floor) {
		Set<UUID> ids = new HashSet<>(meaning.keySet());
		ids.addAll(words.keySet());
		List<Scored> out = new ArrayList<>();
		for (UUID id : ids) {
			double s = score(mode, meaning.get(id), words.get(id));
			boolean wordsAlone = words.getOrDefault(id, 0f) >= WORDS_ALONE;
			if (mode == Mode.WORDS || s >= floor || wordsAlone) {
				out.add(new Scored(id, s));
			}
		}
		out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::bugId));
		return out;
	}

}
