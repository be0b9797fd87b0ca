package dev.fixpoint.accounts;

/** A successful signup or login: who, and a fresh bearer token (shown once). */
public record AuthResult(UserSummary user, String token) {
}
