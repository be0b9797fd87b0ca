package dev.fixpoint.workflow;

import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.workflow.Workflow.Rule;
import dev.fixpoint.workflow.Workflow.Status;
import dev.fixpoint.workflow.Workflow.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowValidatorTest {

	static List<WorkflowTemplates.Template> templates() {
		return WorkflowTemplates.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	void everyTemplateIsValid(WorkflowTemplates.Template template) {
		assertThat(WorkflowValidator.problems(template.workflow())).isEmpty();
	}

	@Test
	void templatesIncludeDefaultSimpleQaAndKanban() {
		assertThat(WorkflowTemplates.all()).extracting(WorkflowTemplates.Template::key)
			.containsExactly("default", "simple", "qa_verification", "kanban");
		assertThat(WorkflowTemplates.find("simple").orElseThrow().workflow().statuses()).extracting(Status::key)
			.containsExactly("open", "in_progress", "resolved", "closed");
	}

	@Test
	void refusesNoInitialAndSeveralInitialStatuses() {
		assertThat(WorkflowValidator
			.problems(new Workflow(List.of(status("a", false), done("b", false)), List.of(move("a", "b")))))
			.contains("Mark one status as the initial status");
		assertThat(WorkflowValidator
			.problems(new Workflow(List.of(status("a", true), done("b", true)), List.of(move("a", "b")))))
			.contains("Only one status can be initial");
	}

	@Test
	void refusesDuplicateAndMalformedKeys() {
		List<String> problems = WorkflowValidator.problems(
				new Workflow(List.of(status("open", true), status("open", false), done("Done!", false)), List.of()));
		assertThat(problems).anyMatch(p -> p.contains("'open' is used twice"))
			.anyMatch(p -> p.contains("'Done!' must be lower-case"));
	}

	@Test
	void refusesUnreachableStatuses() {
		List<String> problems = WorkflowValidator
			.problems(new Workflow(List.of(status("open", true), status("limbo", false), done("done", false)),
					List.of(move("open", "done"))));
		assertThat(problems).containsExactly("Status 'limbo' cannot be reached from 'open'");
	}

	@Test
	void refusesBrokenTransitions() {
		List<Transition> transitions = new ArrayList<>(List.of(move("open", "done"), move("open", "done"),
				move("open", "nowhere"), move("open", "open"),
				new Transition("done", "open", "Reopen", List.of("viewer"), List.of("color")),
				new Transition("open", "done", "x", List.of("admin"), List.of(), List.of(new Rule(null, null)))));
		List<String> problems = WorkflowValidator
			.problems(new Workflow(List.of(status("open", true), done("done", false)), transitions));
		assertThat(problems).anyMatch(p -> p.contains("defined twice"))
			.anyMatch(p -> p.contains("does not exist"))
			.anyMatch(p -> p.contains("goes nowhere"))
			.anyMatch(p -> p.contains("viewers never change status"))
			.anyMatch(p -> p.contains("'color' is not a field"))
			.anyMatch(p -> p.contains("a rule is either"));
	}

	@Test
	void needsADoneStatus() {
		assertThat(WorkflowValidator.problems(new Workflow(List.of(status("open", true)), List.of())))
			.contains("A workflow needs at least one status in the 'done' category");
		assertThat(WorkflowValidator.problems(new Workflow(List.of(), List.of()))).isNotEmpty();
	}

	@Test
	void rulesRequireFieldsAndAssignees() {
		Workflow qa = WorkflowTemplates.find("qa_verification").orElseThrow().workflow();
		TransitionDecision noSteps = TransitionPolicy.decide(qa,
				new TransitionRequest("open", "in_progress", "developer", true, false, java.util.Set.of()));
		assertThat(noSteps.allowed()).isFalse();
		assertThat(noSteps.missingFields()).containsExactly("steps_to_reproduce");
		TransitionDecision notAssignee = TransitionPolicy.decide(qa, new TransitionRequest("in_progress",
				"ready_for_qa", "developer", true, false, java.util.Set.of("resolution")));
		assertThat(notAssignee.allowed()).isFalse();
		assertThat(notAssignee.reason()).contains("Only the assignee");
		assertThat(TransitionPolicy
			.decide(qa,
					new TransitionRequest("in_progress", "ready_for_qa", "developer", true, true,
							java.util.Set.of("resolution")))
			.allowed()).isTrue();
		assertThat(TransitionPolicy.allowedTransitions(qa, "in_progress", "developer", true, false))
			.extracting(Transition::to)
			.containsExactly("open");
	}

	private static Status status(String key, boolean initial) {
		return new Status(key, key, StatusCategory.TODO, initial);
	}

	private static Status done(String key, boolean initial) {
		return new Status(key, key, StatusCategory.DONE, initial);
	}

	private static Transition move(String from, String to) {
		return new Transition(from, to, from + " to " + to, List.of("admin", "developer"), List.of());
	}

}
