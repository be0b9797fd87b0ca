package dev.fixpoint.bugs;

import java.time.LocalDate;

/**
 * {@code PATCH /api/releases/{id}}: the fields sent change, the others stay. Archiving
 * ({@code archived: true}) hides the release from pickers and the project's list; its
 * bugs keep it.
 */
public record ReleaseChanges(String name, String description, LocalDate dueOn, LocalDate releasedOn, Boolean archived) {
}
