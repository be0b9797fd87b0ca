package dev.fixpoint.accounts;

/**
 * What the accept page shows about an invitation link that is still good: the
 * organization, the role, the address it was sent to and who sent it.
 */
public record InvitationPreview(String organization, String role, String email, String invitedBy) {
}
