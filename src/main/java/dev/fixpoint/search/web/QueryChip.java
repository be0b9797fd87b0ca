package dev.fixpoint.search.web;

/**
 * One term of the parsed query shown as a chip; {@code removeUrl} is the same search
 * without it.
 */
public record QueryChip(String label, String removeUrl) {
}
