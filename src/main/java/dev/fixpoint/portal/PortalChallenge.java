package dev.fixpoint.portal;

/**
 * A challenge as the form and {@code GET /api/portal/{key}/challenge} give it: answer
 * with a {@code nonce} (proof of work: SHA-256 of {@code challenge:nonce} starts with
 * {@code difficulty} zero bits) or with the {@code answer} to {@code question}.
 */
public record PortalChallenge(String challenge, int difficulty, String question) {
}
