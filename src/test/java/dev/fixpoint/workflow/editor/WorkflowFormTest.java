package dev.fixpoint.workflow.editor;

import java.util.List;

import dev.fixpoint.workflow.Workflow;
import dev.fixpoint.workflow.WorkflowTemplates;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowFormTest {

	@Test
	void everyTemplateSurvivesTheRoundTripThroughTheForm() {
		for (WorkflowTemplates.Template template : WorkflowTemplates.all()) {
			assertThat(WorkflowForm.of(template.workflow()).toWorkflow()).as(template.key())
				.isEqualTo(template.workflow());
		}
	}

	@Test
	void aJustTickedTransitionGetsANameAndTheWorkersRoles() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("s.0.id", "r0");
		form.add("s.0.key", "open");
		form.add("s.0.name", "Open");
		form.add("s.0.category", "todo");
		form.add("s.1.id", "r7");
		form.add("s.1.key", "done");
		form.add("s.1.name", "Done");
		form.add("s.1.category", "done");
		form.add("initial", "r0");
		form.add("t.r0.r7.on", "1");
		form.add("t.r7.r0.on", "1");
		form.add("t.r7.r0.shown", "1");
		form.add("t.r7.r0.name", "Reopen");
		form.add("t.r7.r0.role", "qa");
		form.add("t.r7.r0.field", "description");
		form.add("t.r7.r0.assignee_only", "1");

		Workflow workflow = WorkflowForm.parse(form).toWorkflow();

		assertThat(workflow.initialStatus().key()).isEqualTo("open");
		assertThat(workflow.transitions()).containsExactly(
				new Workflow.Transition("open", "done", "Move to Done", List.of("admin", "developer"), List.of()),
				new Workflow.Transition("done", "open", "Reopen", List.of("qa"), List.of("description"),
						List.of(Workflow.Rule.onlyAssignee())));
	}

	@Test
	void removingAStatusDropsItsTransitionsAndMovingKeepsThem() {
		WorkflowForm form = WorkflowForm.of(WorkflowTemplates.standard());
		WorkflowForm without = form.without("r2");
		assertThat(without.toWorkflow().transitions())
			.noneMatch(t -> t.from().equals("in_review") || t.to().equals("in_review"));
		WorkflowForm moved = form.moved("r4", -1);
		assertThat(moved.statuses()).extracting(WorkflowForm.StatusRow::key)
			.containsExactly("open", "in_progress", "in_review", "closed", "resolved");
		assertThat(moved.toWorkflow().transitions()).hasSameSizeAs(form.transitions());
		assertThat(form.withNewStatus().statuses()).last()
			.extracting(WorkflowForm.StatusRow::key)
			.isEqualTo("status_1");
	}

}
