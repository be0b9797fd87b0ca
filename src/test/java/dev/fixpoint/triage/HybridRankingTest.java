package dev.fixpoint.triage;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lexical query's threshold ({@link HybridRanking#wordsNeeded}) leaves out only bugs
 * that the ranking would not show anyway: a bug found by words alone (at least pg_trgm's
 * 0.3, what the query read before) under the threshold is never shown whatever the floor;
 * at it, it is.
 */
class HybridRankingTest {

	private static final UUID BUG = UUID.randomUUID();

	@Test
	void aBugFoundByWordsAloneUnderTheLexicalThresholdIsNeverShown() {
		for (double floor : new double[] { 0, 0.01, 0.03, 0.035, 0.04, 0.1, 0.35, 0.5, 0.9 }) {
			double needed = HybridRanking.wordsNeeded(HybridRanking.Mode.HYBRID, floor);
			for (float words = (float) HybridRanking.WORD_MATCH; words < needed - 0.001f; words += 0.01f) {
				assertThat(HybridRanking.rank(HybridRanking.Mode.HYBRID, Map.of(), Map.of(BUG, words), floor))
					.as("floor %s, words %s", floor, words)
					.isEmpty();
			}
			assertThat(HybridRanking.rank(HybridRanking.Mode.HYBRID, Map.of(), Map.of(BUG, (float) needed + 0.001f),
					floor))
				.as("floor %s at %s", floor, needed)
				.extracting(HybridRanking.Scored::bugId)
				.containsExactly(BUG);
		}
	}

	@Test
	void theDefaultFloorAsksTheIndexForCloseTitlesOnlyAndWordsAloneKeepPgTrgmsThreshold() {
		assertThat(HybridRanking.wordsNeeded(HybridRanking.Mode.HYBRID, HybridRanking.FLOOR))
			.isEqualTo(HybridRanking.WORDS_ALONE);
		assertThat(HybridRanking.wordsNeeded(HybridRanking.Mode.HYBRID, 0)).isEqualTo(HybridRanking.WORD_MATCH);
		assertThat(HybridRanking.wordsNeeded(HybridRanking.Mode.WORDS, HybridRanking.FLOOR))
			.isEqualTo(HybridRanking.WORD_MATCH);
	}

}
