package dev.fixpoint.bugs.filing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import dev.fixpoint.bugs.NewBug;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.web.EnvironmentText;
import dev.fixpoint.bugs.web.FormValues;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The new-bug form exactly as typed (so it can be shown again with errors). Only turns
 * text into the types of {@link NewBug}; whether the values are acceptable is decided by
 * {@code BugRules} and {@code BugManagement}.
 */
public record NewBugForm(String title, String severity, String priority, String description,
		@BindParam("steps_to_reproduce") String stepsToReproduce,
		@BindParam("expected_behavior") String expectedBehavior, @BindParam("actual_behavior") String actualBehavior,
		@BindParam("env_os") String envOs, @BindParam("env_browser") String envBrowser,
		@BindParam("env_version") String envVersion, @BindParam("env_extra") String envExtra, String tags,
		@BindParam("assignee_id") String assigneeId, String component, @BindParam("due_date") String dueDate,
		String affects, String template) {

	public static NewBugForm blank() {
		return new NewBugForm("", "", "P2", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
	}

	/**
	 * A blank form following a template: its skeleton in the description and steps, its
	 * default severity.
	 */
	public static NewBugForm from(dev.fixpoint.bugs.BugTemplate t) {
		return new NewBugForm("", t.defaultSeverity() == null ? "" : t.defaultSeverity().key(), "P2", t.description(),
				t.stepsToReproduce(), "", "", "", "", "", "", "", "", "", "", "", t.name());
	}

	/**
	 * The report to file. Text that has no meaning at all (a date that is not a date) is
	 * the form's own error; a missing severity is left to the rules, which know that it
	 * is required.
	 */
	NewBug toNewBug() {
		Map<String, String> environment = EnvironmentText.parse(this.envOs, this.envBrowser, this.envVersion,
				this.envExtra);
		return new NewBug(this.title, this.description, this.stepsToReproduce, this.expectedBehavior,
				this.actualBehavior, environment, Severity.parse(this.severity).orElse(null),
				blank(this.priority) ? null
						: Priority.parse(this.priority)
							.orElseThrow(() -> InvalidInputException.of("priority", "must be one of P0, P1, P2, P3")),
				blank(this.assigneeId) ? null : Ids.parse(this.assigneeId.strip())
					.orElseThrow(() -> InvalidInputException.of("assignee_id", "is not a member of this project")),
				blank(this.component) ? null : this.component, FormValues.tags(this.tags), dueDate(this.dueDate),
				blank(this.affects) ? null : this.affects, blank(this.template) ? null : this.template);
	}

	private static LocalDate dueDate(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of("due_date", "must be a date like 2026-12-31");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	public String value(String value) {
		return value == null ? "" : value;
	}

}
