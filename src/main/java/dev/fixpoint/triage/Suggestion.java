package dev.fixpoint.triage;

import java.util.List;

/**
 * A suggested value with why: {@code reason} in words ("like WEB-12, WEB-40"),
 * {@code similar} the keys of the bugs it came from, {@code confidence} 0..1 (the share
 * of the similar bugs' weight behind the value; 1 for a strong signal in the text).
 */
public record Suggestion(String value, String reason, List<String> similar, double confidence) {
}
