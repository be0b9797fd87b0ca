package dev.fixpoint.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jakarta.validation.ConstraintViolation;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Names;

import org.springframework.validation.BindingResult;

/**
 * What was wrong with a submitted form, the one way pages turn a refusal
 * ({@link DomainException}), a {@link BindingResult} or Bean Validation's violations into
 * messages. Fields are keyed in the API's snake_case (so Bean Validation, binding and
 * {@link DomainException#fieldErrors()} agree); a refusal without fields is the form's
 * summary. A page shows them next to their fields ({@link #message}) or as a list
 * ({@link #sentences()}).
 */
public final class FormErrors {

	private static final FormErrors NONE = new FormErrors(List.of(), null);

	/** Every field problem in the order given (a field may have several). */
	private final List<FieldError> problems;

	/** The first message of each field, the one shown next to it. */
	private final Map<String, String> fields;

	private final String summary;

	private FormErrors(List<FieldError> problems, String summary) {
		this.problems = List.copyOf(problems);
		Map<String, String> first = new LinkedHashMap<>();
		problems.forEach(p -> first.putIfAbsent(p.field(), p.message()));
		this.fields = first;
		this.summary = summary;
	}

	public static FormErrors none() {
		return NONE;
	}

	public static FormErrors summary(String message) {
		return new FormErrors(List.of(), message);
	}

	public static FormErrors of(BindingResult result) {
		List<FieldError> problems = result.getFieldErrors()
			.stream()
			.map(e -> new FieldError(Names.snakeCase(e.getField()),
					e.isBindingFailure() ? "has an invalid value" : e.getDefaultMessage()))
			.toList();
		String summary = result.hasGlobalErrors() ? result.getGlobalError().getDefaultMessage() : null;
		return new FormErrors(problems, summary);
	}

	public static FormErrors of(Collection<? extends ConstraintViolation<?>> violations) {
		return new FormErrors(violations.stream()
			.map(v -> new FieldError(Names.snakeCase(v.getPropertyPath().toString()), v.getMessage()))
			.toList(), null);
	}

	/**
	 * Field errors go next to their fields; a rule without a field becomes the form's
	 * summary.
	 */
	public static FormErrors of(DomainException ex) {
		if (ex.fieldErrors().isEmpty()) {
			return summary(ex.getMessage());
		}
		return new FormErrors(ex.fieldErrors(), null);
	}

	/**
	 * These errors and then {@code more}'s; a field keeps its first message, the form its
	 * first summary.
	 */
	public FormErrors and(FormErrors more) {
		if (!more.any()) {
			return this;
		}
		List<FieldError> all = new ArrayList<>(this.problems);
		all.addAll(more.problems);
		return new FormErrors(all, this.summary != null ? this.summary : more.summary);
	}

	/**
	 * The same without the problems of {@code fields} (e.g. those a page shows next to
	 * their inputs).
	 */
	public FormErrors without(Collection<String> fields) {
		return new FormErrors(this.problems.stream().filter(p -> !fields.contains(p.field())).toList(), this.summary);
	}

	public boolean any() {
		return this.summary != null || !this.problems.isEmpty();
	}

	/** {@code field} in either camelCase (the form parameter) or snake_case. */
	public boolean has(String field) {
		return this.fields.containsKey(Names.snakeCase(field));
	}

	/**
	 * The first message about {@code field}, written to follow its name ("is required"),
	 * or null.
	 */
	public String get(String field) {
		return this.fields.get(Names.snakeCase(field));
	}

	/**
	 * "Email is required" from the label and a message written to follow a field name.
	 */
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

	/**
	 * Each problem as a sentence for a notice or a toast: the summary as it is, a field's
	 * as "Due date is required.".
	 */
	public List<String> sentences() {
		return sentences(FormErrors::label);
	}

	/**
	 * {@link #sentences()} with the page's own names for fields ({@code label} maps a
	 * snake_case field).
	 */
	public List<String> sentences(Function<String, String> label) {
		return lines(label, ".");
	}

	/** {@link #sentences()} joined into one line. */
	public String text() {
		return String.join(" ", sentences());
	}

	/**
	 * Each problem as a short phrase without a full stop: the summary as it is, a field's
	 * as "File is empty".
	 */
	public List<String> phrases() {
		return lines(FormErrors::label, "");
	}

	/**
	 * The bare messages, for problems that all concern one thing and are written as
	 * sentences of their own.
	 */
	public List<String> messages() {
		List<String> messages = new ArrayList<>();
		if (this.summary != null) {
			messages.add(this.summary);
		}
		this.problems.forEach(p -> messages.add(p.message()));
		return messages;
	}

	/**
	 * One field problem as a sentence: "Steps to reproduce must be at most 65,536
	 * characters.".
	 */
	public static String sentence(FieldError error) {
		return label(error.field()) + " " + error.message() + ".";
	}

	/** A field's name for a person: "due_date" is "Due date". */
	public static String label(String field) {
		String words = field.replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private List<String> lines(Function<String, String> label, String end) {
		List<String> lines = new ArrayList<>();
		if (this.summary != null) {
			lines.add(this.summary);
		}
		this.problems.forEach(p -> lines.add(label.apply(p.field()) + " " + p.message() + end));
		return lines;
	}

	@Override
	public String toString() {
		return "FormErrors" + messages();
	}

}
