package dev.fixpoint.bugs;

import java.util.Objects;
import java.util.function.Function;

/**
 * What an edit does to one field of a bug: {@link Keep} it (the request does not name
 * it), {@link SetTo} a new value, or {@link Clear} it (JSON {@code null}). Only
 * {@link BugRules} makes them, validated and normalized. A field that cannot be empty
 * (title, severity, priority, status) is never cleared, and texts, tags and environment
 * are set to their empty value ({@code ""}, {@code []}, <code>{}</code>) instead, so only
 * the optional fields (resolution, assignee, component, due date, verified by, duplicate
 * of) are ever cleared.
 *
 * @param <T> the field's normalized type
 */
sealed interface FieldChange<T> {

	/** The field stays as it is. */
	record Keep<T>() implements FieldChange<T> {
	}

	/** The field becomes {@code value}, never null. */
	record SetTo<T>(T value) implements FieldChange<T> {

		public SetTo {
			Objects.requireNonNull(value, "value");
		}

	}

	/** The field becomes empty (null). */
	record Clear<T>() implements FieldChange<T> {
	}

	static <T> FieldChange<T> keep() {
		return new Keep<>();
	}

	static <T> FieldChange<T> clear() {
		return new Clear<>();
	}

	/** Set to {@code value}, or cleared when it is null. */
	static <T> FieldChange<T> of(T value) {
		return value == null ? new Clear<>() : new SetTo<>(value);
	}

	/** Whether the request names the field (to set or to clear it). */
	default boolean present() {
		return !(this instanceof Keep);
	}

	/**
	 * The field's value after the change: {@code current} when kept, null when cleared.
	 */
	default T applyTo(T current) {
		return switch (this) {
			case Keep<T> keep -> current;
			case SetTo<T> set -> set.value();
			case Clear<T> clear -> null;
		};
	}

	/**
	 * The same change with its value turned into another (a name into an id, a checked
	 * id); runs only on a value.
	 */
	default <R> FieldChange<R> map(Function<? super T, ? extends R> function) {
		return switch (this) {
			case Keep<T> keep -> keep();
			case SetTo<T> set -> new SetTo<>(function.apply(set.value()));
			case Clear<T> clear -> clear();
		};
	}

}
