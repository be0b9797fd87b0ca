package dev.fixpoint.portal;

import java.util.List;

/**
 * An email of the portal (to a reporter or a status page subscriber), rendered by
 * {@code portal/email.jte} and as plain text. Every value is shown as text.
 */
public record PortalEmail(String heading, List<String> paragraphs, String quote, String linkLabel, String link,
		String footer, String unsubscribeUrl) {

	String text() {
		StringBuilder text = new StringBuilder(this.heading).append("\n\n");
		this.paragraphs.forEach(p -> text.append(p).append("\n\n"));
		if (this.quote != null) {
			this.quote.lines().forEach(line -> text.append("> ").append(line).append('\n'));
			text.append('\n');
		}
		if (this.link != null) {
			text.append(this.linkLabel).append(": ").append(this.link).append("\n\n");
		}
		text.append("-- \n").append(this.footer).append('\n');
		if (this.unsubscribeUrl != null) {
			text.append("Stop these emails: ").append(this.unsubscribeUrl).append('\n');
		}
		return text.toString();
	}

}
