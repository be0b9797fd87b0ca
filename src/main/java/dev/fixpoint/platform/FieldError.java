package dev.fixpoint.platform;

/**
 * One invalid input field: {@code field} in the API's snake_case, {@code message} for a
 * person.
 */
public record FieldError(String field, String message) {
}
