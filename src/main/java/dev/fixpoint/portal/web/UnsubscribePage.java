package dev.fixpoint.portal.web;

/**
 * Stopping a portal email stream (a ticket's updates, a status page subscription): the
 * question, or that it is done.
 */
public record UnsubscribePage(String brand, String token, String action, boolean done, String what) {
}
