package dev.fixpoint.accounts;

/** A token just created: the only time its secret {@code token} is shown. */
public record CreatedToken(PersonalToken info, String token) {
}
