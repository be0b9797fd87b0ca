package dev.fixpoint.portal;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.fixpoint.platform.SafeHtml;

/**
 * A ticket as its reporter sees it, {@code GET /api/portal/tickets/{ticket}}: title,
 * status in plain words, and the comments the team made visible to the reporter (with
 * what the reporter added); never internal notes, ordinary comments or anyone's email.
 * {@code branding}: the organization's, for the tracking page (not part of the JSON).
 */
public record TicketView(String ticket, String projectName, String title, String status, String statusLabel,
		boolean confirmed, boolean emailUpdates, Instant createdAt, List<Update> comments,
		@JsonIgnore Branding branding) {

	/** One message: the team's (by name) or the reporter's own ({@code from_you}). */
	public record Update(String author, boolean fromYou, String content, String contentHtml, Instant createdAt) {

		@JsonIgnore
		public SafeHtml html() {
			return new SafeHtml(this.contentHtml);
		}

	}

}
