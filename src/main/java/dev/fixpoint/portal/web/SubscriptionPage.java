package dev.fixpoint.portal.web;

/** Confirming a status page subscription: the question, or that it is done. */
public record SubscriptionPage(String organization, String action, String token, boolean done, String statusUrl) {
}
