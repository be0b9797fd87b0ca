package dev.fixpoint.imports;

/**
 * Something about one record the import could not take as it was: what it did instead.
 *
 * @param line the line of the file the record starts on
 * @param original the record's key or id in the source, when known
 */
public record ImportWarning(Long line, String original, String message) {
}
