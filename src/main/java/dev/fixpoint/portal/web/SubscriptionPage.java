package dev.fixpoint.portal.web;

import dev.fixpoint.portal.Branding;

/**
 * Confirming a status page subscription: the question, or that it is done.
 * {@code entryTitle}: the one entry it follows, or null for the whole page;
 * {@code branding}: the organization's.
 */
public record SubscriptionPage(String organization, String action, String token, boolean done, String statusUrl,
		String entryTitle, Branding branding) {
}
