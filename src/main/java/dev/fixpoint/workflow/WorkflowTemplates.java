package dev.fixpoint.workflow;

import java.util.List;
import java.util.Optional;

import dev.fixpoint.workflow.Workflow.Rule;
import dev.fixpoint.workflow.Workflow.Status;
import dev.fixpoint.workflow.Workflow.Transition;

/** The built-in workflows. {@link #standard()} is every new project's workflow. */
public final class WorkflowTemplates {

	/** A template as offered to admins: {@code GET /api/workflow-templates}. */
	public record Template(String key, String name, String description, Workflow workflow) {
	}

	private static final List<String> WORKERS = List.of("admin", "developer");

	private static final List<String> REOPENERS = List.of("admin", "developer", "qa");

	private static final List<String> EVERYONE = List.of("admin", "developer", "qa");

	private WorkflowTemplates() {
	}

	public static List<Template> all() {
		return List.of(new Template("default", "Default",
				"Open → In Progress → In Review → Resolved → Closed, with back-transitions and Reopen.", standard()),
				new Template("simple", "Simple",
						"Open → In Progress → Resolved → Closed. For small teams that don't review separately.",
						simple()),
				new Template("qa_verification", "QA verification",
						"Fixes go to QA, who verify or send them back; only verified bugs close. Steps to reproduce "
								+ "are required before work starts; only the assignee sends a fix to QA.",
						qaVerification()),
				new Template("kanban", "Kanban", "Backlog → To do → Doing → Review → Done; move cards freely.",
						kanban()));
	}

	public static Optional<Template> find(String key) {
		return all().stream().filter(t -> t.key().equals(key)).findFirst();
	}

	/**
	 * Open → In Progress → In Review → Resolved → Closed, with back-transitions and
	 * Reopen.
	 */
	public static Workflow standard() {
		return new Workflow(
				List.of(new Status("open", "Open", StatusCategory.TODO, true),
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

	static Workflow simple() {
		return new Workflow(
				List.of(new Status("open", "Open", StatusCategory.TODO, true),
						new Status("in_progress", "In Progress", StatusCategory.IN_PROGRESS, false),
						new Status("resolved", "Resolved", StatusCategory.DONE, false),
						new Status("closed", "Closed", StatusCategory.DONE, false)),
				List.of(new Transition("open", "in_progress", "Start progress", WORKERS, List.of()),
						new Transition("open", "resolved", "Resolve", WORKERS, List.of("resolution")),
						new Transition("in_progress", "open", "Stop progress", WORKERS, List.of()),
						new Transition("in_progress", "resolved", "Resolve", WORKERS, List.of("resolution")),
						new Transition("resolved", "closed", "Close", WORKERS, List.of("verified_by")),
						new Transition("resolved", "open", "Reopen", REOPENERS, List.of()),
						new Transition("closed", "open", "Reopen", REOPENERS, List.of())));
	}

	static Workflow qaVerification() {
		return new Workflow(
				List.of(new Status("open", "Open", StatusCategory.TODO, true),
						new Status("in_progress", "In Progress", StatusCategory.IN_PROGRESS, false),
						new Status("ready_for_qa", "Ready for QA", StatusCategory.IN_PROGRESS, false),
						new Status("resolved", "Verified", StatusCategory.DONE, false),
						new Status("closed", "Closed", StatusCategory.DONE, false)),
				List.of(new Transition("open", "in_progress", "Start progress", WORKERS, List.of(),
						List.of(Rule.fieldRequired("steps_to_reproduce"))),
						new Transition("in_progress", "open", "Stop progress", WORKERS, List.of()),
						new Transition("in_progress", "ready_for_qa", "Send to QA", WORKERS, List.of("resolution"),
								List.of(Rule.onlyAssignee())),
						new Transition("ready_for_qa", "in_progress", "Fails verification", REOPENERS, List.of()),
						new Transition("ready_for_qa", "resolved", "Verify", List.of("admin", "qa"),
								List.of("resolution")),
						new Transition("resolved", "closed", "Close", WORKERS, List.of("verified_by")),
						new Transition("resolved", "open", "Reopen", REOPENERS, List.of()),
						new Transition("closed", "open", "Reopen", REOPENERS, List.of())));
	}

	static Workflow kanban() {
		List<String> statuses = List.of("backlog", "todo", "doing", "review", "done");
		List<Transition> moves = new java.util.ArrayList<>();
		for (String from : statuses) {
			for (String to : statuses) {
				if (!from.equals(to)) {
					moves.add(new Transition(from, to, "Move to " + label(to), EVERYONE, List.of()));
				}
			}
		}
		return new Workflow(List.of(new Status("backlog", "Backlog", StatusCategory.TODO, true),
				new Status("todo", "To do", StatusCategory.TODO, false),
				new Status("doing", "Doing", StatusCategory.IN_PROGRESS, false),
				new Status("review", "Review", StatusCategory.IN_PROGRESS, false),
				new Status("done", "Done", StatusCategory.DONE, false)), moves);
	}

	private static String label(String key) {
		return switch (key) {
			case "todo" -> "To do";
			default -> Character.toUpperCase(key.charAt(0)) + key.substring(1);
		};
	}

}
