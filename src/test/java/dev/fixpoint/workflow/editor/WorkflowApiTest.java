package dev.fixpoint.workflow.editor;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowApiTest extends IntegrationTest {

	@Test
	void templatesAreListedWithoutLogin() {
		Api.Response r = this.api.get("/api/workflow-templates", null);
		// the API needs a token for everything but auth, portal and webhooks
		assertThat(r.status()).isEqualTo(401);
	}

	@Test
	void removingAUsedStatusNeedsAMappingThenMovesBugsWithHistory() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String bug = this.api.newBug(ann, key, "In review", "low").get("key").asString();
		this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "in_progress"));
		this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "in_review"));
		Map<String, Object> simple = templateAs(ann, "simple", null);
		Api.Response refused = this.api.put("/api/projects/" + key + "/workflow", ann.token(), simple);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("stranded").get("in_review").asInt()).isEqualTo(1);
		assertThat(this.api.get("/api/bugs/" + bug, ann.token()).body().get("status").asString())
			.isEqualTo("in_review");

		Api.Response saved = this.api.put("/api/projects/" + key + "/workflow", ann.token(),
				templateAs(ann, "simple", Map.of("in_review", "in_progress")));
		assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
		JsonNode moved = this.api.get("/api/bugs/" + bug, ann.token()).body();
		assertThat(moved.get("status").asString()).isEqualTo("in_progress");
		assertThat(this.api.get("/api/bugs/" + bug + "/history", ann.token()).raw())
			.contains("\"old_value\":\"in_review\",\"new_value\":\"in_progress\"");
		assertThat(this.api.get("/api/projects/" + key + "/workflow", ann.token()).body().get("statuses").size())
			.isEqualTo(4);
		// the new workflow rules apply at once: in_review no longer exists
		assertThat(this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "in_review")).status())
			.isEqualTo(422);
	}

	@Test
	void invalidWorkflowsAreRefusedWithReasons() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		Map<String, Object> broken = Api
			.body("statuses",
					java.util.List.of(Map.of("key", "open", "name", "Open", "category", "todo"),
							Map.of("key", "done", "name", "Done", "category", "done")),
					"transitions", java.util.List.of());
		Api.Response r = this.api.put("/api/projects/" + key + "/workflow", ann.token(), broken);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.raw()).contains("Mark one status as the initial status");
		Api.Response badCategory = this.api.put("/api/projects/" + key + "/workflow", ann.token(),
				Api.body("statuses",
						java.util.List
							.of(Map.of("key", "open", "name", "Open", "category", "someday", "initial", true)),
						"transitions", java.util.List.of()));
		assertThat(badCategory.status()).isEqualTo(400);
	}

	@Test
	void onlyAdminsChangeWorkflowsAndRulesApply() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		assertThat(this.api
			.put("/api/projects/" + key + "/workflow", dev.token(), templateAs(ann, "qa_verification", null))
			.status()).isEqualTo(403);
		assertThat(this.api
			.put("/api/projects/" + key + "/workflow", ann.token(), templateAs(ann, "qa_verification", null))
			.status()).isEqualTo(200);
		String bug = this.api.newBug(dev, key, "No steps", "high").get("key").asString();
		Api.Response noSteps = this.api.patch("/api/bugs/" + bug, dev.token(), Map.of("status", "in_progress"));
		assertThat(noSteps.status()).isEqualTo(422);
		assertThat(noSteps.body().get("missing_fields").get(0).asString()).isEqualTo("steps_to_reproduce");
		assertThat(this.api
			.patch("/api/bugs/" + bug, dev.token(),
					Map.of("status", "in_progress", "steps_to_reproduce", "1. Open the page"))
			.status()).isEqualTo(200);
		// only the assignee may send to QA
		Api.Response notAssignee = this.api.patch("/api/bugs/" + bug, dev.token(),
				Map.of("status", "ready_for_qa", "resolution", "fixed"));
		assertThat(notAssignee.status()).isEqualTo(422);
		Api.Response toQa = this.api.patch("/api/bugs/" + bug, dev.token(),
				Map.of("status", "ready_for_qa", "resolution", "fixed", "assignee_id", dev.id().toString()));
		assertThat(toQa.status()).isEqualTo(200);
		// the resolution the transition asked for is kept while the bug waits for QA
		assertThat(toQa.body().get("resolution").asString()).isEqualTo("fixed");
		Api.Response verified = this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "resolved"));
		assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
		assertThat(verified.body().get("resolved_at").isNull()).isFalse();
	}

	private Map<String, Object> templateAs(TestUser user, String key, Map<String, String> mapping) {
		JsonNode templates = this.api.get("/api/workflow-templates", user.token()).body();
		for (JsonNode t : templates) {
			if (t.get("key").asString().equals(key)) {
				@SuppressWarnings("unchecked")
				Map<String, Object> body = this.json.convertValue(t.get("workflow"), Map.class);
				if (mapping != null) {
					body.put("status_mapping", mapping);
				}
				return body;
			}
		}
		throw new AssertionError(key);
	}

}
