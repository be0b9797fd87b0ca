package dev.fixpoint.bugs;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A partial edit of a bug, already validated and normalized: one {@link FieldChange} per
 * editable field, grouped as {@link BugRow} groups them. Made only by {@link BugRules}
 * (PATCH bodies and form values alike).
 *
 * @param expectedVersion the version the client edited ({@code If-Match} or
 * {@code version}); null = last write wins
 */
public record BugChanges(Report report, Triage triage, Progress progress, Integer expectedVersion) {

	/**
	 * The report text ({@link BugField#REPORT_FIELDS}); never cleared, an empty text is
	 * {@code ""}.
	 */
	record Report(FieldChange<String> title, FieldChange<String> description, FieldChange<String> stepsToReproduce,
			FieldChange<String> expectedBehavior, FieldChange<String> actualBehavior,
			FieldChange<Map<String, String>> environment) {

		ReportText applyTo(ReportText r) {
			return new ReportText(this.title.applyTo(r.title()), this.description.applyTo(r.description()),
					this.stepsToReproduce.applyTo(r.stepsToReproduce()),
					this.expectedBehavior.applyTo(r.expectedBehavior()),
					this.actualBehavior.applyTo(r.actualBehavior()), this.environment.applyTo(r.environment()));
		}

		private Map<BugField, FieldChange<?>> byField() {
			return Map.of(BugField.TITLE, this.title, BugField.DESCRIPTION, this.description,
					BugField.STEPS_TO_REPRODUCE, this.stepsToReproduce, BugField.EXPECTED_BEHAVIOR,
					this.expectedBehavior, BugField.ACTUAL_BEHAVIOR, this.actualBehavior, BugField.ENVIRONMENT,
					this.environment);
		}

	}

	/**
	 * Triage; the component and the releases by name and the assignee by id as sent,
	 * checked against the project when applied.
	 */
	record Triage(FieldChange<Severity> severity, FieldChange<Priority> priority, FieldChange<UUID> assigneeId,
			FieldChange<String> component, FieldChange<List<String>> tags, FieldChange<LocalDate> dueDate,
			FieldChange<String> fixedIn, FieldChange<String> affects) {

		private Map<BugField, FieldChange<?>> byField() {
			return Map.of(BugField.SEVERITY, this.severity, BugField.PRIORITY, this.priority, BugField.ASSIGNEE,
					this.assigneeId, BugField.COMPONENT, this.component, BugField.TAGS, this.tags, BugField.DUE_DATE,
					this.dueDate, BugField.FIXED_IN, this.fixedIn, BugField.AFFECTS, this.affects);
		}

	}

	/**
	 * Workflow progress; the original of a duplicate by key as sent, looked up when
	 * applied.
	 */
	record Progress(FieldChange<String> status, FieldChange<String> resolution, FieldChange<UUID> verifiedBy,
			FieldChange<BugKey> duplicateOf) {

		private Map<BugField, FieldChange<?>> byField() {
			return Map.of(BugField.STATUS, this.status, BugField.RESOLUTION, this.resolution, BugField.VERIFIED_BY,
					this.verifiedBy, BugField.DUPLICATE_OF, this.duplicateOf);
		}

	}

	/** The fields this edit sets or clears, in {@link BugField} order. */
	public Set<BugField> fields() {
		Set<BugField> fields = EnumSet.noneOf(BugField.class);
		Stream.of(this.report.byField(), this.triage.byField(), this.progress.byField())
			.forEach(changes -> changes.forEach((field, change) -> {
				if (change.present()) {
					fields.add(field);
				}
			}));
		return fields;
	}

}
