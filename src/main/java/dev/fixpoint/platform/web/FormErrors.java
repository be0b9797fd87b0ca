package dev.fixpoint.platform.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.Names;
import jakarta.validation.ConstraintViolation;

import org.springframework.validation.BindingResult;

/**
 * What was wrong with a submitted form, for re-rendering it: messages per field (keyed in the API's snake_case, so
 * Bean Validation, binding and {@link DomainException#fieldErrors()} agree) and one message for the whole form.
 */
public final class FormErrors {

	private static final FormErrors NONE = new FormErrors(Map.of(), null);

	private final Map<String, String> fields;

	private final String summary;

	private FormErrors(Map<String, String> fields, String summary) {
		this.fields = fields;
		this.summary = summary;
	}

	public static FormErrors none() {
		return NONE;
	}

	public static FormErrors summary(String message) {
		return new FormErrors(Map.of(), message);
	}

	public static FormErrors of(BindingResult result) {
		Map<String, String> fields = new LinkedHashMap<>();
		result.getFieldErrors()
			.forEach(e -> fields.putIfAbsent(Names.snakeCase(e.getField()),
					e.isBindingFailure() ? "has an invalid value" : e.getDefaultMessage()));
		String summary = result.hasGlobalErrors() ? result.getGlobalError().getDefaultMessage() : null;
		return new FormErrors(fields, summary);
	}

	public static FormErrors of(Collection<? extends ConstraintViolation<?>> violations) {
		Map<String, String> fields = new LinkedHashMap<>();
		violations.forEach(v -> fields.putIfAbsent(Names.snakeCase(v.getPropertyPath().toString()), v.getMessage()));
		return new FormErrors(fields, null);
	}

	/** Field errors go next to their fields; a rule without a field becomes the form's summary. */
	public static FormErrors of(DomainException ex) {
		if (ex.fieldErrors().isEmpty()) {
			return summary(ex.getMessage());
		}
		Map<String, String> fields = new LinkedHashMap<>();
		ex.fieldErrors().forEach(e -> fields.putIfAbsent(e.field(), e.message()));
		return new FormErrors(fields, null);
	}

	public boolean any() {
		return this.summary != null || !this.fields.isEmpty();
	}

	/** {@code field} in either camelCase (the form parameter) or snake_case. */
	public boolean has(String field) {
		return this.fields.containsKey(Names.snakeCase(field));
	}

	public String get(String field) {
		return this.fields.get(Names.snakeCase(field));
	}

	/** "Email is required" from the label and a message written to follow a field name. */
	public String message(String field, String label) {
		String message = get(field);
		if (message == null || message.isEmpty() || Character.isUpperCase(message.charAt(0))) {
			return message;
		}
		return label + " " + message;
	}

	public String summary() {
		return this.summary;
	}

}
