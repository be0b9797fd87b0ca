package dev.fixpoint.notifications.web;

import dev.fixpoint.notifications.Subscription;

/** The box: the bug and the caller's subscription to it. */
public record WatchBox(String bugKey, Subscription subscription) {

	public String action() {
		return NotificationRoutes.watch(this.bugKey);
	}

	public String summary() {
		if (this.subscription.muted()) {
			return "Muted: you get no notifications about this bug.";
		}
		if (!this.subscription.watching()) {
			return "Not watching: you hear about this bug only when assigned or @mentioned.";
		}
		return switch (String.valueOf(this.subscription.reason())) {
			case "reporter" -> "Watching, as its reporter.";
			case "assignee" -> "Watching, as its assignee.";
			case "commenter" -> "Watching, since you commented.";
			default -> "Watching: you hear about status changes and comments.";
		};
	}

}
