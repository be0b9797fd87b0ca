package dev.fixpoint.forge;

/**
 * A link just created, or its secret just rotated: the only answer that shows the webhook
 * secret.
 */
public record CreatedLink(RepositoryLink link, String webhookSecret) {
}
