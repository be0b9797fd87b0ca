package dev.fixpoint.portal;

import java.util.List;
import java.util.Map;

import dev.fixpoint.notifications.OutgoingEmails;
import dev.fixpoint.platform.FixpointProperties;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.stereotype.Component;

/**
 * Composes the portal's emails and queues them into the email outbox
 * ({@link OutgoingEmails}) in the caller's transaction. A ticket's emails are one thread;
 * each carries a one-click unsubscribe link. They never name anyone's email but the
 * recipient's own, and never internal notes.
 */
@Component
class PortalMails {

	private final OutgoingEmails outgoing;

	private final TemplateEngine templates;

	private final String baseUrl;

	PortalMails(OutgoingEmails outgoing, TemplateEngine templates, FixpointProperties properties) {
		this.outgoing = outgoing;
		this.templates = templates;
		this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
	}

	String url(String path) {
		return this.baseUrl + path;
	}

	/**
	 * The first email: the ticket, its tracking link and, if required, the confirmation.
	 */
	void received(String to, String ticket, String title, String trackingUrl, String confirmUrl) {
		List<String> lines = confirmUrl != null
				? List.of("We received your report \u201c" + title + "\u201d.",
						"Please confirm your email address: only then does your report reach the team.",
						"Keep this email: its link is the only way to follow your ticket " + ticket + ".")
				: List.of("We received your report \u201c" + title + "\u201d and passed it to the team.",
						"Keep this email: its link is the only way to follow your ticket " + ticket + ".");
		send(to, "[" + ticket + "] " + (confirmUrl != null ? "Please confirm your report" : "We received your report"),
				ticket,
				new PortalEmail(confirmUrl != null ? "Please confirm your report" : "Thanks for your report", lines,
						null, confirmUrl != null ? "Confirm and track " + ticket : "Track " + ticket,
						confirmUrl != null ? confirmUrl : trackingUrl,
						"You get this because this address was given in a bug report.", null));
	}

	void statusChanged(String to, String ticket, String title, String words, String trackingUrl, String unsubscribe) {
		send(to, "[" + ticket + "] " + title, ticket,
				new PortalEmail("Your report is now: " + words,
						List.of("Ticket " + ticket + ": \u201c" + title + "\u201d."), null, "Track " + ticket,
						trackingUrl, "You get this because you reported this problem.", unsubscribe));
	}

	void replied(String to, String ticket, String title, String author, String content, String trackingUrl,
			String unsubscribe) {
		send(to, "[" + ticket + "] " + title, ticket, new PortalEmail(author + " replied to your report",
				List.of("Ticket " + ticket + ": \u201c" + title + "\u201d."), content, "Reply on the tracking page",
				trackingUrl, "You get this because you reported this problem.", unsubscribe));
	}

	void subscriptionToConfirm(String to, String orgName, String confirmUrl) {
		send(to, "Confirm your subscription to " + orgName + " status updates", null,
				new PortalEmail("Confirm your subscription",
						List.of("Someone (hopefully you) asked for email updates about known problems of " + orgName
								+ ". Nothing is sent until you confirm."),
						null, "Confirm the subscription", confirmUrl, "If you did not ask for this, ignore this email.",
						null));
	}

	void statusUpdate(String to, String orgName, String title, String words, String note, String pageUrl,
			String unsubscribe) {
		send(to, "[" + orgName + " status] " + title + ": " + words, null,
				new PortalEmail(title + ": " + words, List.of("An update on a known problem of " + orgName + "."),
						note == null || note.isBlank() ? null : note, "See the status page", pageUrl,
						"You get this because you subscribed to " + orgName + "'s status page.", unsubscribe));
	}

	private void send(String to, String subject, String thread, PortalEmail email) {
		StringOutput html = new StringOutput();
		this.templates.render("portal/email.jte", Map.of("email", email), html);
		this.outgoing.queue(new OutgoingEmails.Message(to, subject, email.text(), html.toString(),
				thread == null ? null : "ticket-" + thread, email.unsubscribeUrl()));
	}

}
