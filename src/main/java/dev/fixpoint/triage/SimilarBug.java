package dev.fixpoint.triage;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.fixpoint.bugs.Bug;

/**
 * A possible duplicate: the bug as the API shows every bug, plus {@code score} (0..1, the
 * hybrid of meaning and words, see {@code HybridRanking}).
 */
public record SimilarBug(@JsonUnwrapped Bug bug, double score) {
}
