package dev.fixpoint.bugs.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FieldError;

/** Turns a domain error into what a page shows: sentences, or messages keyed by (snake_case) field. */
public final class Messages {

	private Messages() {
	}

	public static List<String> of(DomainException ex) {
		if (ex.fieldErrors().isEmpty()) {
			return List.of(ex.getMessage());
		}
		return ex.fieldErrors().stream().map(Messages::sentence).toList();
	}

	public static Map<String, String> byField(DomainException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fieldErrors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
		return errors;
	}

	public static String sentence(FieldError error) {
		String field = error.field().replace('_', ' ');
		return Character.toUpperCase(field.charAt(0)) + field.substring(1) + " " + error.message() + ".";
	}

}
