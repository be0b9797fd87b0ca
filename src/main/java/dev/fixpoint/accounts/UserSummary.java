package dev.fixpoint.accounts;

import java.util.UUID;

/** A user as other people see them: the contract's {@code user} object. */
public record UserSummary(UUID id, String email, String name, String username) {
}
