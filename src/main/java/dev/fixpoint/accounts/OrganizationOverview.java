package dev.fixpoint.accounts;

import java.time.Instant;
import java.util.UUID;

/** An organization as the site admin's list shows it. */
public record OrganizationOverview(UUID id, String name, String slug, String plan, int members, Instant createdAt) {

}
