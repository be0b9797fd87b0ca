package dev.fixpoint.portal;

import java.util.List;

/**
 * An email of the portal (to a reporter or a status page subscriber), rendered by
 * {@code portal/email.jte} and as plain text: a heading and one section per subject (a
 * digest has one per ticket), in the organization's branding. Every value is shown as
 * text.
 */
public record PortalEmail(String heading, List<Section> sections, String footer, String unsubscribeUrl,
		Branding branding) {

	PortalEmail(String heading, List<Section> sections, String footer, String unsubscribeUrl) {
		this(heading, sections, footer, unsubscribeUrl, Branding.NONE);
	}

	/** The same email in the organization's colours and with its logo (absolute URL). */
	PortalEmail branded(Branding brand) {
		return new PortalEmail(this.heading, this.sections, this.footer, this.unsubscribeUrl,
				brand == null ? Branding.NONE : brand);
	}

	/**
	 * One subject of the email: an optional title, paragraphs, quoted replies, a link and
	 * (in a digest) the link that stops this subject's emails.
	 */
	public record Section(String title, List<String> paragraphs, List<Quote> quotes, String linkLabel, String link,
			String stopUrl) {
	}

	/** A reply quoted in an email; {@code by} may be null. */
	public record Quote(String by, String text) {
	}

	/** An email about one thing: one untitled section. */
	static PortalEmail single(String heading, List<String> paragraphs, String quote, String linkLabel, String link,
			String footer, String unsubscribeUrl) {
		return new PortalEmail(
				heading, List.of(new Section(null, paragraphs,
						quote == null ? List.of() : List.of(new Quote(null, quote)), linkLabel, link, null)),
				footer, unsubscribeUrl);
	}

	String text() {
		StringBuilder text = new StringBuilder(this.heading).append("\n\n");
		for (Section section : this.sections) {
			if (section.title() != null) {
				text.append("## ").append(section.title()).append("\n\n");
			}
			section.paragraphs().forEach(p -> text.append(p).append("\n\n"));
			for (Quote quote : section.quotes()) {
				if (quote.by() != null) {
					text.append(quote.by()).append(":\n");
				}
				quote.text().lines().forEach(line -> text.append("> ").append(line).append('\n'));
				text.append('\n');
			}
			if (section.link() != null) {
				text.append(section.linkLabel()).append(": ").append(section.link()).append("\n\n");
			}
			if (section.stopUrl() != null) {
				text.append("Stop emails about this one: ").append(section.stopUrl()).append("\n\n");
			}
		}
		text.append("-- \n").append(this.footer).append('\n');
		if (this.unsubscribeUrl != null) {
			text.append("Stop these emails: ").append(this.unsubscribeUrl).append('\n');
		}
		return text.toString();
	}

}
