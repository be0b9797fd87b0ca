package dev.fixpoint.bugs;

import java.util.List;

/**
 * A bug template as sent: {@code POST /api/projects/{id}/templates} (name required) and
 * {@code PATCH /api/templates/{id}} (the fields sent change).
 */
public record BugTemplateInput(String name, String description, String stepsToReproduce, List<String> requiredFields,
		Severity defaultSeverity, Integer position) {
}
