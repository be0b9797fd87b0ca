package dev.fixpoint.triage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the sentence model runs on this node, and how sure triage must be before it
 * shows anything, bound from {@code fixpoint.triage.*}. Below a threshold a suggestion is
 * declined: not shown at all, rather than shown wrong.
 *
 * @param enabled whether the sentence model runs ({@code FIXPOINT_TRIAGE_ENABLED}, on by
 * default; it loads on first use, never at start): off, the model is never loaded,
 * possible duplicates are found by words alone, suggestions are not offered (the bug page
 * shows no triage panel), and each filed bug's title is still stored (words find it) and
 * queued, so the embedding backfill embeds it once a node starts with it on
 * @param duplicateThreshold a possible duplicate is shown only from this hybrid score
 * (0..1, {@link HybridRanking}) up, unless its title alone is as close in words as the
 * words-only matcher required ({@code FIXPOINT_TRIAGE_DUPLICATE_THRESHOLD})
 * @param suggestionThreshold only similar bugs at least this close in meaning (cosine,
 * 0..1) vote for a severity, priority or assignee: with none, nothing is suggested (a
 * strong word like "data loss" still suggests a severity)
 * ({@code FIXPOINT_TRIAGE_SUGGESTION_THRESHOLD})
 * @param indexRefresh how often at most a project's vectors in memory read what other
 * lookups and nodes wrote ({@link VectorIndex}; tests: 0, every lookup)
 * @param indexIdle a project's vectors not looked up for this long leave memory
 * @param indexHeapShare the share of the heap ({@code -Xmx}) all projects' vectors in
 * memory may take: past it the least recently used projects leave memory
 */
@ConfigurationProperties("fixpoint.triage")
record TriageProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("" + HybridRanking.FLOOR) double duplicateThreshold,
		@DefaultValue("" + SuggestionRules.MIN_SIMILARITY) double suggestionThreshold,
		@DefaultValue("1s") Duration indexRefresh, @DefaultValue("30m") Duration indexIdle,
		@DefaultValue("0.25") double indexHeapShare) {

	TriageProperties {
		requireShare("fixpoint.triage.duplicate-threshold", duplicateThreshold);
		requireShare("fixpoint.triage.suggestion-threshold", suggestionThreshold);
		requireShare("fixpoint.triage.index-heap-share", indexHeapShare);
	}

	private static void requireShare(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
		}
	}

}
