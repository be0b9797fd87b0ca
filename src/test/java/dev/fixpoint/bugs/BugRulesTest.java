package dev.fixpoint.bugs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BugRulesTest {

	private static NewBug report(String title, Severity severity) {
		return new NewBug(title, null, null, null, null, null, severity, null, null, null, null, null);
	}

	@Test
	void titleIsTrimmedAndLimitedTo200Characters() {
		assertThat(BugRules.valid(report("  Crash  ", Severity.LOW)).report().title()).isEqualTo("Crash");
		assertThat(BugRules.valid(report("x".repeat(200), Severity.LOW)).report().title()).hasSize(200);
		assertThat(errors(() -> BugRules.validateNew(report("x".repeat(201), Severity.LOW))))
			.containsExactly(new FieldError("title", "must be at most 200 characters (it has 201)"));
		assertThat(errors(() -> BugRules.validateNew(report("   ", Severity.LOW))))
			.containsExactly(new FieldError("title", "is required"));
	}

	@Test
	void severityIsRequiredAndPriorityDefaultsToP2() {
		assertThat(errors(() -> BugRules.validateNew(report("t", null)))).extracting(FieldError::field)
			.containsExactly("severity");
		assertThat(BugRules.valid(report("t", Severity.HIGH)).priority()).isEqualTo(Priority.P2);
	}

	@Test
	void tagsAreNormalizedDeduplicatedAndChecked() {
		BugChanges changes = BugRules.parsePatch(Map.of("tags", List.of("UI", "ui", " Löschen ", "")), null);
		assertThat(changes.triage().tags()).isEqualTo(FieldChange.of(List.of("ui", "löschen")));
		assertThat(errors(() -> BugRules.parsePatch(Map.of("tags", List.of("no spaces please")), null)))
			.extracting(FieldError::field)
			.containsExactly("tags");
		assertThat(errors(() -> BugRules
			.parsePatch(Map.of("tags", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList()), null)))
			.extracting(FieldError::message)
			.containsExactly("at most 20 tags");
	}

	@Test
	void environmentIsAFlatMapOfShortTexts() {
		BugChanges ok = BugRules.parsePatch(Map.of("environment", Map.of("os", "Linux", "version", "42", "empty", "")),
				null);
		assertThat(ok.report().environment()).isEqualTo(FieldChange.of(Map.of("os", "Linux", "version", "42")));
		// JSON types as the contract says: a version is text, not a number made into text
		assertThat(errors(() -> BugRules.parsePatch(Map.of("environment", Map.of("version", 42)), null)))
			.extracting(FieldError::message)
			.containsExactly("value of 'version' must be a string");
		assertThat(errors(() -> BugRules.parsePatch(Map.of("environment", Map.of("os", Map.of("x", 1))), null)))
			.extracting(FieldError::field)
			.containsExactly("environment");
		assertThat(errors(() -> BugRules.parsePatch(Map.of("environment", "Linux"), null)))
			.extracting(FieldError::field)
			.containsExactly("environment");
	}

	@Test
	void patchKnowsOnlyEditableFieldsAndTakesTheVersion() {
		Map<String, Object> body = new HashMap<>();
		body.put("id", "x");
		body.put("reporter", "me");
		assertThat(errors(() -> BugRules.parsePatch(body, null))).extracting(FieldError::field)
			.containsExactlyInAnyOrder("id", "reporter");
		BugChanges changes = BugRules.parsePatch(Map.of("title", "t", "version", 3), null);
		assertThat(changes.expectedVersion()).isEqualTo(3);
		assertThat(BugRules.parsePatch(Map.of("title", "t", "version", 3), 5).expectedVersion()).isEqualTo(5);
		assertThatThrownBy(() -> BugRules.parsePatch(Map.of(), null)).isInstanceOf(DomainException.class);
	}

	@Test
	void nullClearsOptionalFields() {
		Map<String, Object> body = new HashMap<>();
		body.put("assignee_id", null);
		body.put("due_date", null);
		body.put("resolution", null);
		BugChanges changes = BugRules.parsePatch(body, null);
		assertThat(changes.fields()).containsExactlyInAnyOrder(BugField.ASSIGNEE, BugField.DUE_DATE,
				BugField.RESOLUTION);
		assertThat(changes.triage().assigneeId()).isEqualTo(FieldChange.clear());
		assertThat(changes.report().title()).isEqualTo(FieldChange.keep());
	}

	@Test
	void textsAreEmptiedNotCleared() {
		Map<String, Object> body = new HashMap<>();
		body.put("description", null);
		body.put("tags", null);
		BugChanges changes = BugRules.parsePatch(body, null);
		assertThat(changes.report().description()).isEqualTo(FieldChange.of(""));
		assertThat(changes.triage().tags()).isEqualTo(FieldChange.of(List.of()));
	}

	@Test
	void errorsFollowTheBodyUnknownFieldsFirst() {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("severity", "huge");
		body.put("id", "x");
		body.put("title", " ");
		body.put("due_date", "tomorrow");
		body.put("version", "7");
		assertThat(errors(() -> BugRules.parsePatch(body, null))).extracting(FieldError::field)
			.containsExactly("version", "id", "severity", "title", "due_date");
	}

	@Test
	void valuesAreCheckedByType() {
		assertThat(errors(() -> BugRules.parsePatch(Map.of("severity", "huge", "priority", "P4", "due_date",
				"31.12.2026", "assignee_id", "bob", "resolution", "meh", "status", "Not A Key"), null)))
			.extracting(FieldError::field)
			.containsExactlyInAnyOrder("severity", "priority", "due_date", "assignee_id", "resolution", "status");
		assertThat(BugRules.parsePatch(Map.of("resolution", "Won't fix"), null).progress().resolution())
			.isEqualTo(FieldChange.of("wont_fix"));
	}

	@Test
	void formFieldsAreParsedLikeJson() {
		assertThat(BugRules.parseFormField("tags", "a, b c", 2).triage().tags())
			.isEqualTo(FieldChange.of(List.of("a", "b", "c")));
		assertThat(BugRules.parseFormField("assignee_id", "", 2).triage().assigneeId()).isEqualTo(FieldChange.clear());
		assertThat(BugRules.parseFormField("severity", "critical", 2).expectedVersion()).isEqualTo(2);
	}

	private static List<FieldError> errors(Runnable action) {
		DomainException ex = catchThrowableOfType(DomainException.class, action::run);
		assertThat(ex).as("expected a validation error").isNotNull();
		return ex.fieldErrors();
	}

}
