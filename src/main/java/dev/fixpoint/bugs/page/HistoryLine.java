package dev.fixpoint.bugs.page;

import java.time.Instant;

import dev.fixpoint.bugs.Via;

/**
 * One line of a bug's timeline, ready to show: "Ann changed severity from high to
 * critical".
 *
 * @param action {@code reported}, {@code set}, {@code changed}, {@code cleared},
 * {@code edited}, or for comments (whose text the timeline shows itself)
 * {@code edited-comment} and {@code deleted-comment} with {@code field} "comment" or
 * "internal note", {@code linked} and {@code unlinked} (a relation, "is blocked by
 * WEB-3")
 * @param via where the person made the change when not in Fixpoint (Slack), or null
 */
public record HistoryLine(String actor, String action, String field, String from, String to, String ago, String exact,
		String iso, Instant at, Via via) {

	/**
	 * The same line, made elsewhere ({@code via}: "... via Slack"), or as it is for null.
	 */
	HistoryLine withVia(Via where) {
		return where == null ? this : new HistoryLine(this.actor, this.action, this.field, this.from, this.to, this.ago,
				this.exact, this.iso, this.at, where);
	}

	public boolean aboutComment() {
		return this.action.endsWith("-comment");
	}

	public String text() {
		return this.via == null ? what() : what() + " via " + this.via.label();
	}

	private String what() {
		return switch (this.action) {
			case "reported" -> this.actor + " reported this bug";
			case "edited" -> this.actor + " edited the " + this.field;
			case "edited-comment" -> this.actor + " edited a " + this.field;
			case "deleted-comment" -> this.actor + " deleted a " + this.field;
			case "set" -> this.actor + " set " + this.field + " to " + this.to;
			case "cleared" -> this.actor + " cleared " + this.field + " (was " + this.from + ")";
			case "linked" -> this.actor + " linked this bug: " + this.to;
			case "unlinked" -> this.actor + " removed the link: " + this.from;
			default -> this.actor + " changed " + this.field + " from " + this.from + " to " + this.to;
		};
	}

}
