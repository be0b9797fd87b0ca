package dev.fixpoint.platform.web;

import java.util.List;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTest {

	@Test
	void fieldErrorsOfARuleAreFoundByTheFormParameterName() {
		FormErrors errors = FormErrors
			.of(InvalidInputException.of(List.of(new FieldError("organization_name", "is too long"))));

		assertThat(errors.has("organizationName")).isTrue();
		assertThat(errors.message("organizationName", "Organization")).isEqualTo("Organization is too long");
		assertThat(errors.summary()).isNull();
	}

	@Test
	void aRuleWithoutFieldsBecomesTheSummary() {
		FormErrors errors = FormErrors.of(ConflictException.because("A project must keep at least one admin"));

		assertThat(errors.summary()).isEqualTo("A project must keep at least one admin");
		assertThat(errors.any()).isTrue();
	}

	@Test
	void sentencesNameEachFieldAndKeepARulesOwnMessage() {
		FormErrors errors = FormErrors.of(InvalidInputException.of(List.of(new FieldError("title", "is required"),
				new FieldError("due_date", "must be a date like 2026-12-31"), new FieldError("title", "is too long"))));

		assertThat(errors.sentences()).containsExactly("Title is required.", "Due date must be a date like 2026-12-31.",
				"Title is too long.");
		assertThat(errors.text())
			.isEqualTo("Title is required. Due date must be a date like 2026-12-31. Title is too long.");
		assertThat(errors.get("title")).isEqualTo("is required");
		assertThat(errors.phrases()).first().isEqualTo("Title is required");
		assertThat(errors.messages()).containsExactly("is required", "must be a date like 2026-12-31", "is too long");
		assertThat(errors.sentences(field -> field.equals("title") ? "The title" : field)).first()
			.isEqualTo("The title is required.");
		assertThat(FormErrors.of(ConflictException.because("Taken")).sentences()).containsExactly("Taken");
	}

	@Test
	void errorsOfTwoChecksKeepEachFieldsFirstMessage() {
		FormErrors parsed = FormErrors.of(InvalidInputException.of("due_date", "must be a date like 2026-12-31"));
		FormErrors checked = FormErrors
			.of(InvalidInputException.of(List.of(new FieldError("due_date", "is in the past"),
					new FieldError("severity", "is required"), new FieldError("body", "is odd"))));

		FormErrors all = parsed.and(checked);

		assertThat(all.get("due_date")).isEqualTo("must be a date like 2026-12-31");
		assertThat(all.get("severity")).isEqualTo("is required");
		assertThat(all.without(List.of("due_date", "severity")).sentences()).containsExactly("Body is odd.");
		assertThat(FormErrors.none().and(FormErrors.none()).any()).isFalse();
	}

	@Test
	void capitalizedMessagesAreShownAsTheyAre() {
		FormErrors errors = FormErrors.of(InvalidInputException.of("user", "No user with this email or username"));

		assertThat(errors.message("user", "Email or username")).isEqualTo("No user with this email or username");
	}

}
