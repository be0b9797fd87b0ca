package dev.fixpoint.projects;

import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/projects/{id}}: only the fields given change; null is refused (an
 * empty description clears it).
 */
public record ProjectChanges(@Size(min = 1, max = 100, message = "must be 1–100 characters") String name,
		@Size(max = 10000, message = "must be at most 10,000 characters") String description, Boolean isPublic) {
}
