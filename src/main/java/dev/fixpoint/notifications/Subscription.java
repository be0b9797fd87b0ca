package dev.fixpoint.notifications;

/**
 * A person's relation to a bug: whether they hear about it and why.
 *
 * @param watching gets notifications about the bug (as reporter, assignee, commenter or
 * by choice)
 * @param muted never hears about the bug, not even as reporter or assignee
 * @param reason why they watch: {@code reporter}, {@code assignee}, {@code commenter},
 * {@code explicit} or null
 */
public record Subscription(boolean watching, boolean muted, String reason) {
}
