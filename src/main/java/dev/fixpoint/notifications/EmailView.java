package dev.fixpoint.notifications;

import java.util.List;

/**
 * An email's content, for the HTML template ({@code notifications/email.jte}) and the
 * plain-text part alike. Holds only what may leave the installation: keys, titles,
 * statuses, who did what, and links.
 */
public record EmailView(String heading, List<BugBlock> bugs, String preferencesUrl, List<Link> unsubscribe) {

	/** One bug and what happened to it. */
	public record BugBlock(String key, String title, String status, String url, List<String> lines) {
	}

	public record Link(String label, String url) {
	}

	String text() {
		StringBuilder out = new StringBuilder(this.heading).append("\n\n");
		for (BugBlock bug : this.bugs) {
			out.append(bug.key()).append(": ").append(bug.title()).append("\n");
			out.append("Status: ").append(bug.status()).append("\n");
			bug.lines().forEach(line -> out.append("- ").append(line).append("\n"));
			out.append(bug.url()).append("\n\n");
		}
		out.append("-- \nEmail preferences: ").append(this.preferencesUrl).append("\n");
		this.unsubscribe.forEach(link -> out.append(link.label()).append(": ").append(link.url()).append("\n"));
		return out.toString();
	}

}
