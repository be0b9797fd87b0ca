package dev.fixpoint.forge;

import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/projects/{id}/integrations/{link}}: only the fields given change; an
 * empty {@code access_token} removes it, an empty {@code opened_status} stops moving bugs
 * when a pull request opens.
 */
public record LinkSettings(@Size(max = 1000) String accessToken, @Size(max = 100) String openedStatus,
		@Size(max = 100) String mergedStatus) {
}
