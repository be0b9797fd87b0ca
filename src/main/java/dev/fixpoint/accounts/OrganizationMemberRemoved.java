package dev.fixpoint.accounts;

import java.util.UUID;

/**
 * An organization admin removed someone from the organization, published inside the
 * removal's transaction: the projects module removes them from the organization's
 * projects in the same transaction (and refuses, failing the removal, when they are the
 * last admin of one).
 */
public record OrganizationMemberRemoved(UUID orgId, UUID userId, UUID removedBy) {

}
