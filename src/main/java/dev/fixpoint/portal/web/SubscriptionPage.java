package dev.fixpoint.portal.web;

/**
 * Confirming a status page subscription: the question, or that it is done.
 * {@code entryTitle}: the one entry it follows, or null for the whole page.
 */
public record SubscriptionPage(String organization, String action, String token, boolean done, String statusUrl,
		String entryTitle) {
}
