package dev.fixpoint.projects;

import dev.fixpoint.workflow.Workflow;

/**
 * What filing a bug needs from its project, read together: the bug's number and the
 * workflow it starts in.
 *
 * @param number the next number of the project's sequence
 * @param workflow the project's current workflow (its initial status is the bug's first)
 */
public record FilingSlot(int number, Workflow workflow) {
}
