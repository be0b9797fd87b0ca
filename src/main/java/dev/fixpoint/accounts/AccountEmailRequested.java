package dev.fixpoint.accounts;

import java.util.UUID;

/**
 * An email the accounts module sends (password reset, email change, verification,
 * invitation), published inside the change's transaction; the notifications module
 * delivers it through its email outbox after commit. {@code userId} is the person it is
 * about (for an invitation: who invited). The text carries a single-use link; it never
 * lives longer than the link (1 hour to 7 days).
 */
public record AccountEmailRequested(UUID id, UUID userId, String to, String subject, String text) {

}
