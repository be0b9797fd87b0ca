package dev.fixpoint.portal;

import java.util.Map;

/**
 * A report as a customer sends it, {@code POST /api/portal/{project_key}/reports} and the
 * portal's form: {@code {email, title, description, steps_to_reproduce?,
 * expected_behavior?, actual_behavior?, environment?, website, challenge, nonce |
 * answer}}. {@code website} is the honeypot: people leave it empty, bots fill it.
 * {@code challenge} comes from the form or {@code GET /api/portal/{key}/challenge} and is
 * answered by a proof-of-work {@code nonce} or the {@code answer} to its question.
 */
public record PortalReport(String email, String title, String description, String stepsToReproduce,
		String expectedBehavior, String actualBehavior, Map<String, String> environment, String website,
		String challenge, String nonce, String answer) {
}
