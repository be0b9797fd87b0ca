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
	void capitalizedMessagesAreShownAsTheyAre() {
		FormErrors errors = FormErrors.of(InvalidInputException.of("user", "No user with this email or username"));

		assertThat(errors.message("user", "Email or username")).isEqualTo("No user with this email or username");
	}

}
