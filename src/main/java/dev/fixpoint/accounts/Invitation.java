package dev.fixpoint.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending invitation to an organization, as its admins see it: who was invited, with
 * which role, by whom, until when. The link itself is only in the email.
 */
public record Invitation(UUID id, String email, String role, String invitedBy, Instant createdAt, Instant expiresAt) {
}
