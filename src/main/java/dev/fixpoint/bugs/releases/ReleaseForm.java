package dev.fixpoint.bugs.releases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dev.fixpoint.bugs.NewRelease;
import dev.fixpoint.platform.InvalidInputException;

import org.springframework.web.bind.annotation.BindParam;

/** A new release as typed. */
public record ReleaseForm(String name, String description, @BindParam("due_on") String dueOn) {

	static ReleaseForm blank() {
		return new ReleaseForm("", "", "");
	}

	NewRelease toNewRelease() {
		return new NewRelease(this.name, this.description, day(this.dueOn), null);
	}

	static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of("due_on", "must be a date like 2026-12-31");
		}
	}

	public String value(String text) {
		return text == null ? "" : text;
	}

}
