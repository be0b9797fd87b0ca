package dev.fixpoint.accounts;

import java.time.Instant;

/** A member of an organization as listed to other members. */
public record OrganizationMember(UserSummary user, String role, Instant joinedAt) {
}
