package dev.fixpoint.bugs;

import java.util.List;
import java.util.UUID;

/**
 * A kind of report a project offers when filing ("Crash", "UI glitch"): the skeleton the
 * new-bug form starts from and the fields a report of this kind must fill.
 *
 * @param requiredFields API names, a subset of {@link BugTemplates#REQUIRABLE}
 * @param defaultSeverity the severity the form preselects, or null
 */
public record BugTemplate(UUID id, UUID projectId, String name, String description, String stepsToReproduce,
		List<String> requiredFields, Severity defaultSeverity, int position) {
}
