package dev.fixpoint.bugs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.fixpoint.platform.FieldError;

import static dev.fixpoint.bugs.BugRules.ACTUAL;
import static dev.fixpoint.bugs.BugRules.AFFECTS;
import static dev.fixpoint.bugs.BugRules.ASSIGNEE;
import static dev.fixpoint.bugs.BugRules.COMPONENT;
import static dev.fixpoint.bugs.BugRules.DESCRIPTION;
import static dev.fixpoint.bugs.BugRules.DUE_DATE;
import static dev.fixpoint.bugs.BugRules.DUPLICATE_OF;
import static dev.fixpoint.bugs.BugRules.ENVIRONMENT;
import static dev.fixpoint.bugs.BugRules.EXPECTED;
import static dev.fixpoint.bugs.BugRules.FIXED_IN;
import static dev.fixpoint.bugs.BugRules.PRIORITY;
import static dev.fixpoint.bugs.BugRules.RESOLUTION;
import static dev.fixpoint.bugs.BugRules.SEVERITY;
import static dev.fixpoint.bugs.BugRules.STATUS;
import static dev.fixpoint.bugs.BugRules.STEPS;
import static dev.fixpoint.bugs.BugRules.TAGS;
import static dev.fixpoint.bugs.BugRules.TITLE;
import static dev.fixpoint.bugs.BugRules.VERIFIED_BY;

/**
 * One request body (snake_case keys, JSON values) as {@link BugRules} reads it: each
 * field by its rule into a normalized value or a {@link FieldChange}, keeping a field
 * error for each value its rule refuses, in the order the body names the fields. Fields
 * the body does not name are kept by an edit.
 */
final class BugInput {

	/**
	 * How one field is read: its name and its normalizer, which refuses a value with
	 * {@link BugRules.InvalidValue}.
	 */
	record Rule<T>(BugField field, Function<Object, T> normalize) {
	}

	private final Map<String, Object> body;

	private final Map<String, FieldError> errors = new HashMap<>();

	BugInput(Map<String, Object> body) {
		this.body = body;
	}

	/**
	 * A new report as a body of JSON values (enums by key, ids and dates as text);
	 * priority defaults to P2.
	 */
	static BugInput filing(NewBug bug) {
		Map<String, Object> raw = new LinkedHashMap<>();
		raw.put("title", bug.title());
		raw.put("description", bug.description());
		raw.put("steps_to_reproduce", bug.stepsToReproduce());
		raw.put("expected_behavior", bug.expectedBehavior());
		raw.put("actual_behavior", bug.actualBehavior());
		raw.put("environment", bug.environment());
		raw.put("severity", bug.severity() == null ? null : bug.severity().key());
		raw.put("priority", bug.priority() == null ? "P2" : bug.priority().key());
		raw.put("assignee_id", bug.assigneeId() == null ? null : bug.assigneeId().toString());
		raw.put("component", bug.component());
		raw.put("tags", bug.tags());
		raw.put("due_date", bug.dueDate() == null ? null : bug.dueDate().toString());
		raw.put("affects", bug.affects());
		return new BugInput(raw);
	}

	/**
	 * The field's normalized value (null when empty), or null and a field error when the
	 * rule refuses it.
	 */
	<T> T value(Rule<T> rule) {
		String name = rule.field().api();
		try {
			return rule.normalize().apply(this.body.get(name));
		}
		catch (BugRules.InvalidValue ex) {
			this.errors.put(name, new FieldError(name, ex.getMessage()));
			return null;
		}
	}

	/**
	 * Keeps the field when the body does not name it; otherwise sets it to its value, or
	 * clears it.
	 */
	<T> FieldChange<T> change(Rule<T> rule) {
		return this.body.containsKey(rule.field().api()) ? FieldChange.of(value(rule)) : FieldChange.keep();
	}

	/** A new report: the body names every field. */
	ValidNewBug newBug() {
		return new ValidNewBug(
				new ReportText(value(TITLE), value(DESCRIPTION), value(STEPS), value(EXPECTED), value(ACTUAL),
						value(ENVIRONMENT)),
				value(SEVERITY), value(PRIORITY), value(ASSIGNEE), value(COMPONENT), value(TAGS), value(DUE_DATE),
				value(AFFECTS));
	}

	/** An edit of the fields the body names. */
	BugChanges changes(Integer expectedVersion) {
		return new BugChanges(
				new BugChanges.Report(change(TITLE), change(DESCRIPTION), change(STEPS), change(EXPECTED),
						change(ACTUAL), change(ENVIRONMENT)),
				new BugChanges.Triage(change(SEVERITY), change(PRIORITY), change(ASSIGNEE), change(COMPONENT),
						change(TAGS), change(DUE_DATE), change(FIXED_IN), change(AFFECTS)),
				new BugChanges.Progress(change(STATUS), change(RESOLUTION), change(VERIFIED_BY), change(DUPLICATE_OF)),
				expectedVersion);
	}

	/** The errors of the fields read so far, in the body's order. */
	List<FieldError> errors() {
		return this.body.keySet().stream().map(this.errors::get).filter(Objects::nonNull).toList();
	}

}
