package dev.fixpoint.triage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.triage.SuggestionRules.Neighbour;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The suggestion rules alone: votes of similar bugs, strong signals, workload. */
class SuggestionRulesTest {

	private static final double T = SuggestionRules.MIN_SIMILARITY;

	private static final UUID ANN = UUID.randomUUID();

	private static final UUID BOB = UUID.randomUUID();

	@Test
	void severityIsTheSimilarResolvedBugsVoteWithTheirKeysAsReason() {
		List<Neighbour> near = List.of(new Neighbour("WEB-12", 0.8, "high", "P1", ANN, true),
				new Neighbour("WEB-40", 0.7, "high", "P1", ANN, true),
				new Neighbour("WEB-7", 0.6, "low", "P3", BOB, true),
				new Neighbour("WEB-99", 0.9, "critical", "P0", BOB, false));
		Suggestion s = SuggestionRules.severity("Checkout button is grey", near, T).orElseThrow();
		assertThat(s.value()).isEqualTo("high");
		assertThat(s.reason()).isEqualTo("like WEB-12, WEB-40");
		assertThat(s.similar()).containsExactly("WEB-12", "WEB-40");
		assertThat(s.confidence()).isEqualTo(0.71);
	}

	@Test
	void unresolvedNeighboursVoteOnlyWhenFewerThanTwoAreResolved() {
		List<Neighbour> near = List.of(new Neighbour("WEB-1", 0.8, "low", "P3", null, false),
				new Neighbour("WEB-2", 0.7, "low", "P3", null, true));
		assertThat(SuggestionRules.priority(near, T).orElseThrow().value()).isEqualTo("P3");
	}

	@Test
	void neighboursBelowTheSimilarityFloorDoNotVote() {
		List<Neighbour> far = List.of(new Neighbour("WEB-1", 0.2, "low", "P3", ANN, true));
		assertThat(SuggestionRules.severity("A label is misaligned", far, T)).isEmpty();
		assertThat(SuggestionRules.priority(far, T)).isEmpty();
		assertThat(SuggestionRules.assignees(far, Map.of(), T)).isEmpty();
	}

	@Test
	void aHigherThresholdDeclinesWhatLessSimilarBugsWouldSuggest() {
		List<Neighbour> near = List.of(new Neighbour("WEB-5", 0.45, "low", "P3", ANN, true),
				new Neighbour("WEB-6", 0.42, "low", "P3", ANN, true));
		assertThat(SuggestionRules.priority(near, 0.4)).isPresent();
		assertThat(SuggestionRules.priority(near, 0.5)).isEmpty();
		assertThat(SuggestionRules.severity("A label is misaligned", near, 0.5)).isEmpty();
		assertThat(SuggestionRules.assignees(near, Map.of(), 0.5)).isEmpty();
	}

	@Test
	void duplicatesUnderTheThresholdAreDeclinedUnlessTheirTitleIsCloseInWords() {
		UUID close = new UUID(0, 1);
		UUID far = new UUID(0, 2);
		UUID sameWords = new UUID(0, 3);
		Map<UUID, Float> meaning = Map.of(close, 0.6f, far, 0.3f, sameWords, 0.1f);
		Map<UUID, Float> words = Map.of(close, 0.2f, far, 0.1f, sameWords, 0.8f);
		assertThat(HybridRanking.rank(HybridRanking.Mode.HYBRID, meaning, words, 0.35))
			.extracting(HybridRanking.Scored::bugId)
			.containsExactly(close, sameWords);
		assertThat(HybridRanking.rank(HybridRanking.Mode.HYBRID, meaning, words, 0.7))
			.extracting(HybridRanking.Scored::bugId)
			.containsExactly(sameWords);
		assertThat(HybridRanking.rank(HybridRanking.Mode.HYBRID, meaning, words, 0)).hasSize(3);
	}

	@Test
	void aStrongSignalRaisesTheSeverityAndSaysWhy() {
		List<Neighbour> near = List.of(new Neighbour("WEB-3", 0.8, "medium", "P2", ANN, true),
				new Neighbour("WEB-4", 0.7, "medium", "P2", ANN, true));
		Suggestion s = SuggestionRules.severity("After saving, all my data was lost", near, T).orElseThrow();
		assertThat(s.value()).isEqualTo("critical");
		assertThat(s.reason()).isEqualTo("mentions data loss; similar bugs were mostly medium");
		assertThat(SuggestionRules.severity("The app crashes on start", List.of(), T).orElseThrow().value())
			.isEqualTo("high");
		assertThat(SuggestionRules.severity("XSS in the comment field", List.of(), T).orElseThrow().reason())
			.isEqualTo("mentions security");
	}

	@Test
	void aSignalMilderThanTheVoteLeavesTheVote() {
		List<Neighbour> near = List.of(new Neighbour("WEB-3", 0.8, "critical", "P0", ANN, true),
				new Neighbour("WEB-4", 0.7, "critical", "P0", ANN, true));
		assertThat(SuggestionRules.severity("Checkout crashes", near, T).orElseThrow().value()).isEqualTo("critical");
	}

	@Test
	void assigneesAreWhoResolvedSimilarBugsWeightedByOpenWorkload() {
		List<Neighbour> near = List.of(new Neighbour("WEB-1", 0.9, "high", "P1", ANN, true),
				new Neighbour("WEB-2", 0.8, "high", "P1", ANN, true),
				new Neighbour("WEB-3", 0.7, "high", "P1", BOB, true));
		assertThat(SuggestionRules.assignees(near, Map.of(), T).get(0).userId()).isEqualTo(ANN);
		assertThat(SuggestionRules.assignees(near, Map.of(), T).get(0).keys()).containsExactly("WEB-1", "WEB-2");
		// Ann has 20 open bugs: 1.7 / 5 = 0.34 < Bob's 0.7
		assertThat(SuggestionRules.assignees(near, Map.of(ANN, 20), T).get(0).userId()).isEqualTo(BOB);
	}

}
