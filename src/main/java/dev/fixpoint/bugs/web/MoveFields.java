package dev.fixpoint.bugs.web;

import java.util.List;
import java.util.Map;

import dev.fixpoint.bugs.Resolution;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.workflow.WorkflowValidator;

/**
 * The inputs a status change asks for when its transition requires fields
 * ({@code bugs/move-fields.jte}): in the one dialog the board and the bug page share, or
 * on the page itself without JavaScript.
 *
 * @param meId the caller ("Verified by me", "Assign to me")
 * @param typed what the user sent last time, by field
 */
public record MoveFields(List<ProjectComponent> components, String meId, Map<String, String> typed) {

	/** Fields a status change form may carry besides the requirable ones. */
	private static final List<String> EXTRA = List.of("duplicate_of");

	/**
	 * The values a status change form sent for the fields a transition may require
	 * ({@code set.resolution}, …; empty ones left out), by field.
	 */
	public static Map<String, String> typed(org.springframework.util.MultiValueMap<String, String> form) {
		Map<String, String> typed = new java.util.LinkedHashMap<>();
		for (String field : java.util.stream.Stream.concat(WorkflowValidator.REQUIRABLE_FIELDS.stream(), EXTRA.stream())
			.toList()) {
			String value = form.getFirst("set." + field);
			if (value != null && !value.isBlank()) {
				typed.put(field, value);
			}
		}
		return typed;
	}

	/**
	 * {@code typed} as a PATCH body (the workflow's {@code assignee} is
	 * {@code assignee_id}).
	 */
	public static Map<String, Object> patch(Map<String, String> typed) {
		Map<String, Object> body = new java.util.LinkedHashMap<>(typed);
		if (body.containsKey("assignee")) {
			body.put("assignee_id", body.remove("assignee"));
		}
		return body;
	}

	/** Every field a transition can require, in the order the forms ask for them. */
	public List<String> allFields() {
		return WorkflowValidator.REQUIRABLE_FIELDS;
	}

	public String typed(String field) {
		String value = this.typed.get(field);
		return value == null ? "" : value;
	}

	public List<String> resolutions() {
		return Resolution.VALUES;
	}

	public String resolutionLabel(String value) {
		return Resolution.label(value);
	}

	public String fieldLabel(String field) {
		return switch (field) {
			case "verified_by" -> "Verified by";
			case "steps_to_reproduce" -> "Steps to reproduce";
			case "expected_behavior" -> "Expected behavior";
			case "actual_behavior" -> "Actual behavior";
			case "due_date" -> "Due date";
			default -> Character.toUpperCase(field.charAt(0)) + field.substring(1).replace('_', ' ');
		};
	}

}
