package dev.fixpoint.workflow;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every role × transition of the standard workflow. */
class TransitionPolicyTest {

	private static final Workflow STANDARD = WorkflowTemplates.standard();

	static Stream<Arguments> standardWorkflow() {
		// from, to, admin, developer (working on it), developer (someone else's bug), qa,
		// viewer
		return Stream.of(arguments("open", "in_progress", true, true, false, false, false),
				arguments("open", "resolved", true, true, false, false, false),
				arguments("in_progress", "open", true, true, false, false, false),
				arguments("in_progress", "in_review", true, true, false, false, false),
				arguments("in_progress", "resolved", true, true, false, false, false),
				arguments("in_review", "in_progress", true, true, false, false, false),
				arguments("in_review", "resolved", true, true, false, false, false),
				arguments("resolved", "closed", true, true, false, false, false),
				arguments("resolved", "open", true, true, false, true, false),
				arguments("closed", "open", true, true, false, true, false),
				// not in the workflow at all
				arguments("open", "closed", false, false, false, false, false),
				arguments("open", "in_review", false, false, false, false, false),
				arguments("closed", "resolved", false, false, false, false, false));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("standardWorkflow")
	void rolesMayTakeExactlyTheirTransitions(String from, String to, boolean admin, boolean developer,
			boolean developerOnOthersBug, boolean qa, boolean viewer) {
		Set<String> filled = Set.of("resolution", "verified_by");
		assertThat(decide(from, to, "admin", true, filled)).as("admin").isEqualTo(admin);
		assertThat(decide(from, to, "developer", true, filled)).as("developer").isEqualTo(developer);
		assertThat(decide(from, to, "developer", false, filled)).as("developer, not theirs")
			.isEqualTo(developerOnOthersBug);
		assertThat(decide(from, to, "qa", true, filled)).as("qa").isEqualTo(qa);
		assertThat(decide(from, to, "viewer", true, filled)).as("viewer").isEqualTo(viewer);
	}

	@Test
	void requiredFieldsMustBeFilled() {
		TransitionDecision decision = TransitionPolicy.decide(STANDARD,
				new TransitionRequest("in_progress", "resolved", "admin", true, Set.of()));
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.missingFields()).containsExactly("resolution");
		assertThat(decision.reason()).contains("requires resolution");
		assertThat(TransitionPolicy
			.decide(STANDARD, new TransitionRequest("resolved", "closed", "developer", true, Set.of("resolution")))
			.missingFields()).containsExactly("verified_by");
	}

	@Test
	void refusalsListTheTransitionsThatAreAllowed() {
		TransitionDecision decision = TransitionPolicy.decide(STANDARD,
				new TransitionRequest("open", "closed", "qa", true, Set.of()));
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.allowedTransitions()).isEmpty();
		TransitionDecision dev = TransitionPolicy.decide(STANDARD,
				new TransitionRequest("open", "closed", "developer", true, Set.of()));
		assertThat(dev.allowedTransitions()).extracting(Workflow.Transition::to)
			.containsExactly("in_progress", "resolved");
	}

	@Test
	void unknownStatusIsRefusedWithAReason() {
		TransitionDecision decision = TransitionPolicy.decide(STANDARD,
				new TransitionRequest("open", "done", "admin", true, Set.of()));
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("not a status");
	}

	@Test
	void standardWorkflowHasOneInitialStatus() {
		assertThat(STANDARD.initialStatus().key()).isEqualTo("open");
		assertThat(STANDARD.statuses()).filteredOn(Workflow.Status::initial).hasSize(1);
		assertThat(STANDARD.categoryOf("resolved")).isEqualTo(StatusCategory.DONE);
	}

	private static boolean decide(String from, String to, String role, boolean worksOnBug, Set<String> filled) {
		return TransitionPolicy.decide(STANDARD, new TransitionRequest(from, to, role, worksOnBug, filled)).allowed();
	}

}
