package dev.fixpoint.bugs;

import java.time.LocalDate;

/**
 * {@code POST /api/projects/{id}/releases}: a name unique in the project (1-40
 * characters, no commas or quotes: it is written in queries as {@code fixed_in:1.4}).
 */
public record NewRelease(String name, String description, LocalDate dueOn, LocalDate releasedOn) {
}
