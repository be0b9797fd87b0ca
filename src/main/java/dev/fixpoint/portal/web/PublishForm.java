package dev.fixpoint.portal.web;

import java.time.LocalDate;

import dev.fixpoint.portal.StatusEntryInput;

import org.springframework.web.bind.annotation.BindParam;

/** Publishing a bug on the status page from the settings page. */
public record PublishForm(String bug, @BindParam("public_title") String publicTitle,
		@BindParam("public_note") String publicNote, String eta) {

	static final PublishForm EMPTY = new PublishForm("", "", "", "");

	StatusEntryInput toInput() {
		LocalDate date;
		try {
			date = this.eta == null || this.eta.isBlank() ? null : LocalDate.parse(this.eta.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw dev.fixpoint.platform.InvalidInputException.of("eta", "must be a date (YYYY-MM-DD)");
		}
		return new StatusEntryInput(this.publicTitle, this.publicNote, date);
	}

	public String value(String field) {
		String v = switch (field) {
			case "bug" -> this.bug;
			case "public_title" -> this.publicTitle;
			case "public_note" -> this.publicNote;
			case "eta" -> this.eta;
			default -> null;
		};
		return v == null ? "" : v;
	}

}
