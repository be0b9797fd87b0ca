package dev.fixpoint.accounts;

/**
 * What a person changes on their profile; a null field stays as it is. Bound from
 * {@code PATCH /api/me} and the profile form.
 */
public record ProfileChanges(String name, String username, String timeZone, String theme) {

}
