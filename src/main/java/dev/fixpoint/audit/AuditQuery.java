package dev.fixpoint.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of an organization's audit log: the organization's own entries and those of its
 * members' accounts (sign-ins, passwords, tokens); without an organization, the whole
 * installation's (site admins). All optional.
 *
 * @param action an exact action or a prefix ending in a dot ({@code auth.})
 * @param actorId only this person's entries
 * @param from from this instant, inclusive
 * @param to before this instant
 */
public record AuditQuery(UUID orgId, String action, UUID actorId, Instant from, Instant to) {

}
