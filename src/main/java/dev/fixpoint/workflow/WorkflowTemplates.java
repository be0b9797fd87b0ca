package dev.fixpoint.workflow;

import java.util.List;

import dev.fixpoint.workflow.Workflow.Status;
import dev.fixpoint.workflow.Workflow.Transition;

/** The built-in workflows. {@link #standard()} is every new project's workflow. */
public final class WorkflowTemplates {

	private static final List<String> WORKERS = List.of("admin", "developer");

	private static final List<String> REOPENERS = List.of("admin", "developer", "qa");

	private WorkflowTemplates() {
	}

	/** Open → In Progress → In Review → Resolved → Closed, with back-transitions and Reopen. */
	public static Workflow standard() {
		return new Workflow(List.of(new Status("open", "Open", StatusCategory.TODO, true),
				new Status("in_progress", "In Progress", StatusCategory.IN_PROGRESS, false),
				new Status("in_review", "In Review", StatusCategory.IN_PROGRESS, false),
				new Status("resolved", "Resolved", StatusCategory.DONE, false),
				new Status("closed", "Closed", StatusCategory.DONE, false)),
				List.of(new Transition("open", "in_progress", "Start progress", WORKERS, List.of()),
						new Transition("open", "resolved", "Resolve", WORKERS, List.of("resolution")),
						new Transition("in_progress", "open", "Stop progress", WORKERS, List.of()),
						new Transition("in_progress", "in_review", "Send to review", WORKERS, List.of()),
						new Transition("in_progress", "resolved", "Resolve", WORKERS, List.of("resolution")),
						new Transition("in_review", "in_progress", "Request changes", WORKERS, List.of()),
						new Transition("in_review", "resolved", "Resolve", WORKERS, List.of("resolution")),
						new Transition("resolved", "closed", "Close", WORKERS, List.of("verified_by")),
						new Transition("resolved", "open", "Reopen", REOPENERS, List.of()),
						new Transition("closed", "open", "Reopen", REOPENERS, List.of())));
	}

}
