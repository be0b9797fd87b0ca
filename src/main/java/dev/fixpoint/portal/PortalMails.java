package dev.fixpoint.portal;

import java.util.List;
import java.util.Map;

import dev.fixpoint.accounts.OrganizationMembership;
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

	/** What one ticket's reporter hears about in an update email. */
	record TicketNews(String ticket, String title, String statusWords, List<PortalEmail.Quote> replies,
			String trackingUrl, String stopUrl, Branding branding) {
	}

	/**
	 * The first email: the ticket, its tracking link and, if required, the confirmation.
	 */
	void received(String to, String ticket, String title, String trackingUrl, String confirmUrl, Branding brand) {
		List<String> lines = confirmUrl != null
				? List.of("We received your report \u201c" + title + "\u201d.",
						"Please confirm your email address: only then does your report reach the team.",
						"Keep this email: its link is the only way to follow your ticket " + ticket + ".")
				: List.of("We received your report \u201c" + title + "\u201d and passed it to the team.",
						"Keep this email: its link is the only way to follow your ticket " + ticket + ".");
		send(to, "[" + ticket + "] " + (confirmUrl != null ? "Please confirm your report" : "We received your report"),
				ticket,
				PortalEmail.single(confirmUrl != null ? "Please confirm your report" : "Thanks for your report", lines,
						null, confirmUrl != null ? "Confirm and track " + ticket : "Track " + ticket,
						confirmUrl != null ? confirmUrl : trackingUrl,
						"You get this because this address was given in a bug report.", null),
				brand);
	}

	/**
	 * One email with everything an address's reporter should hear (batched): one ticket's
	 * status and replies in its thread, or a digest with a section per ticket, each with
	 * its own tracking link and a link that stops that ticket's emails.
	 * {@code stopAllUrl}: the digest's one-click unsubscribe (all of the address's
	 * tickets).
	 */
	void updates(String to, List<TicketNews> tickets, String stopAllUrl) {
		String footer = "You get this because you reported "
				+ (tickets.size() == 1 ? "this problem." : "these problems.");
		if (tickets.size() == 1) {
			TicketNews news = tickets.get(0);
			String heading = news.replies().isEmpty() ? "Your report is now: " + news.statusWords()
					: news.statusWords() == null && news.replies().size() == 1
							? news.replies().get(0).by() + " replied to your report" : "Updates on your report";
			List<String> lines = new java.util.ArrayList<>();
			lines.add("Ticket " + news.ticket() + ": \u201c" + news.title() + "\u201d.");
			if (news.statusWords() != null && !news.replies().isEmpty()) {
				lines.add("Your report is now: " + news.statusWords() + ".");
			}
			List<PortalEmail.Quote> quotes = news.replies().size() == 1 && news.statusWords() == null
					? List.of(new PortalEmail.Quote(null, news.replies().get(0).text())) : news.replies();
			send(to, "[" + news.ticket() + "] " + news.title(), news.ticket(),
					new PortalEmail(heading,
							List.of(new PortalEmail.Section(null, lines, quotes,
									news.replies().isEmpty() ? "Track " + news.ticket() : "Reply on the tracking page",
									news.trackingUrl(), null)),
							footer, news.stopUrl()),
					news.branding());
			return;
		}
		List<PortalEmail.Section> sections = tickets.stream()
			.map(news -> new PortalEmail.Section(news.ticket() + ": \u201c" + news.title() + "\u201d",
					news.statusWords() == null ? List.of() : List.of("Now: " + news.statusWords() + "."),
					news.replies(), "Track " + news.ticket(), news.trackingUrl(), news.stopUrl()))
			.toList();
		send(to, "Updates on your " + tickets.size() + " reports", null,
				new PortalEmail("Updates on your " + tickets.size() + " reports", sections, footer, stopAllUrl),
				tickets.get(0).branding());
	}

	void subscriptionToConfirm(String to, String orgName, String what, String confirmUrl, Branding brand) {
		send(to, "Confirm your subscription to " + what, null,
				PortalEmail.single("Confirm your subscription",
						List.of("Someone (hopefully you) asked for email updates about " + what + " (" + orgName
								+ "). Nothing is sent until you confirm."),
						null, "Confirm the subscription", confirmUrl, "If you did not ask for this, ignore this email.",
						null),
				brand);
	}

	/**
	 * One entry of a status digest, as it is now. {@code stopUrl}: ends following it (or
	 * null).
	 */
	record EntryNews(String title, String words, String note, java.time.LocalDate eta, String pageUrl, String stopUrl) {
	}

	/**
	 * A status page subscriber's digest: one entry as a single update, several as one
	 * email listing them. {@code onlyEntries}: the address follows entries, not the page.
	 */
	void statusDigest(String to, OrganizationMembership org, List<EntryNews> entries, String unsubscribe,
			boolean onlyEntries, Branding brand) {
		String footer = onlyEntries
				? "You get this because you follow " + (entries.size() == 1 ? "this problem" : "these problems")
						+ " on " + org.name() + "'s status page."
				: "You get this because you subscribed to " + org.name() + "'s status page.";
		if (entries.size() == 1) {
			EntryNews news = entries.get(0);
			send(to, "[" + org.name() + " status] " + news.title() + ": " + news.words(), null,
					new PortalEmail(
							news.title() + ": " + news.words(), List.of(section(null,
									List.of("An update on a known problem of " + org.name() + "."), news)),
							footer, unsubscribe),
					brand);
			return;
		}
		String heading = entries.size() + " updates on " + org.name() + "'s known problems";
		send(to, "[" + org.name() + " status] " + entries.size() + " updates on known problems", null, new PortalEmail(
				heading,
				entries.stream().map(news -> section(news.title() + ": " + news.words(), List.of(), news)).toList(),
				footer, unsubscribe), brand);
	}

	private static PortalEmail.Section section(String title, List<String> lead, EntryNews news) {
		List<String> paragraphs = new java.util.ArrayList<>(lead);
		if (news.eta() != null) {
			paragraphs.add("Expected fix: " + news.eta() + ".");
		}
		return new PortalEmail.Section(title, paragraphs,
				news.note() == null || news.note().isBlank() ? List.of()
						: List.of(new PortalEmail.Quote(null, news.note())),
				"See the status page", news.pageUrl(), news.stopUrl());
	}

	private void send(String to, String subject, String thread, PortalEmail plain, Branding brand) {
		PortalEmail email = plain.branded(brand == null || brand.logoUrl() == null ? brand
				: new Branding(brand.accent(), brand.accentText(), url(brand.logoUrl())));
		StringOutput html = new StringOutput();
		this.templates.render("portal/email.jte", Map.of("email", email), html);
		this.outgoing.queue(new OutgoingEmails.Message(to, subject, email.text(), html.toString(),
				thread == null ? null : "ticket-" + thread, email.unsubscribeUrl()));
	}

}
