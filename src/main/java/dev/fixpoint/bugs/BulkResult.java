package dev.fixpoint.bugs;

import java.util.List;

import dev.fixpoint.platform.FieldError;

/** What happened to one bug of a bulk change: {@code status} is the HTTP status a single PATCH would have had. */
public record BulkResult(String id, String key, int status, String error, List<FieldError> errors, Bug bug) {
}
