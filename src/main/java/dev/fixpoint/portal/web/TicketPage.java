package dev.fixpoint.portal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.portal.TicketView;

/**
 * A ticket's tracking page: the ticket, the token that opened it (the forms carry it),
 * the confirmation token when the page was opened from the confirmation email, and what
 * just happened.
 */
public record TicketPage(TicketView ticket, String token, String confirm, String notice, List<String> refused,
		FormErrors errors, String message) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String confirmAction() {
		return PortalRoutes.CONFIRM;
	}

	public String messagesAction() {
		return PortalRoutes.messages(this.ticket.ticket());
	}

	public String unsubscribeAction() {
		return PortalRoutes.unsubscribe(this.ticket.ticket());
	}

	public boolean open() {
		return this.ticket.confirmed() && !"closed".equals(this.ticket.status());
	}

	public String badge() {
		return switch (this.ticket.status()) {
			case "fix_in_progress" -> "st-in_progress";
			case "fixed", "closed" -> "st-done";
			default -> "st-todo";
		};
	}

	/** The steps of a ticket's life, and how far this one is. */
	public List<String> steps() {
		return List.of("Received", "Investigating", "Fix in progress", "Fixed");
	}

	public int reached() {
		return switch (this.ticket.status()) {
			case "unconfirmed" -> 0;
			case "investigating" -> 1;
			case "fix_in_progress" -> 2;
			default -> 3;
		};
	}

	public String when(Instant at) {
		return WHEN.format(at);
	}

	public String iso(Instant at) {
		return at.toString();
	}

}
