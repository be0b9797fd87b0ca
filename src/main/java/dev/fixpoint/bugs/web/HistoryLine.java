package dev.fixpoint.bugs.web;

/**
 * One line of a bug's timeline, ready to show: "Ann changed severity from high to critical".
 *
 * @param action {@code reported}, {@code set}, {@code changed}, {@code cleared} or {@code edited}
 */
public record HistoryLine(String actor, String action, String field, String from, String to, String ago,
		String exact, String iso) {

	public String text() {
		return switch (this.action) {
			case "reported" -> this.actor + " reported this bug";
			case "edited" -> this.actor + " edited the " + this.field;
			case "set" -> this.actor + " set " + this.field + " to " + this.to;
			case "cleared" -> this.actor + " cleared " + this.field + " (was " + this.from + ")";
			default -> this.actor + " changed " + this.field + " from " + this.from + " to " + this.to;
		};
	}

}
