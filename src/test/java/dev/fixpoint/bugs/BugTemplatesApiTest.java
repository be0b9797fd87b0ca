package dev.fixpoint.bugs;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bug templates: admins define them, filing with one applies its required fields. */
class BugTemplatesApiTest extends IntegrationTest {

	private TestUser ann, qa;

	private String key;

	@BeforeEach
	void project() {
		this.ann = this.api.newUser("Ann");
		this.qa = this.api.newUser("Quinn");
		this.key = this.api.newProject(this.ann).get("key").asString();
		this.api.addMember(this.ann, this.key, this.qa, "qa");
		Api.Response crash = this.api.post(templates(), this.ann.token(),
				Map.of("name", "Crash", "description", "What crashed?", "steps_to_reproduce", "1. ", "required_fields",
						List.of("steps_to_reproduce", "actual_behavior"), "default_severity", "high"));
		assertThat(crash.status()).as(crash.raw()).isEqualTo(201);
	}

	@Test
	void aReportOfAKindMustFillItsRequiredFields() {
		Api.Response missing = file(
				Map.of("title", "App crashes", "severity", "high", "template", "Crash", "steps_to_reproduce", "1. "));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(missing.body().get("missing_fields").toString()).contains("steps_to_reproduce")
			.contains("actual_behavior");
		assertThat(missing.body().get("detail").asString()).contains("steps_to_reproduce");

		Api.Response filed = file(Map.of("title", "App crashes", "severity", "high", "template", "crash",
				"steps_to_reproduce", "1. Open the app", "actual_behavior", "It closes"));
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);

		// without a template, nothing is required
		assertThat(file(Map.of("title", "Plain", "severity", "low")).status()).isEqualTo(201);
		Api.Response unknown = file(Map.of("title", "X", "severity", "low", "template", "Nope"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("template");
	}

	@Test
	void onlyAdminsDefineTemplatesAndEveryMemberReadsThem() {
		assertThat(this.api.post(templates(), this.qa.token(), Map.of("name", "UI glitch")).status()).isEqualTo(403);
		assertThat(this.api.get(templates(), this.qa.token()).body()).hasSize(1);
		Api.Response bad = this.api.post(templates(), this.ann.token(),
				Map.of("name", "UI glitch", "required_fields", List.of("title")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("required_fields");
		assertThat(this.api.post(templates(), this.ann.token(), Map.of("name", "crash")).status()).isEqualTo(409);
		String id = this.api.get(templates(), this.ann.token()).body().get(0).get("id").asString();
		Api.Response edited = this.api.patch("/api/templates/" + id, this.ann.token(),
				Map.of("required_fields", List.of("environment")));
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.body().get("required_fields").toString()).isEqualTo("[\"environment\"]");
		assertThat(edited.body().get("description").asString()).isEqualTo("What crashed?");
		assertThat(this.api.delete("/api/templates/" + id, this.qa.token()).status()).isEqualTo(403);
		assertThat(this.api.delete("/api/templates/" + id, this.ann.token()).status()).isEqualTo(204);
		assertThat(this.api.get(templates(), this.qa.token()).body()).isEmpty();
	}

	private Api.Response file(Map<String, Object> bug) {
		return this.api.post("/api/projects/" + this.key + "/bugs", this.qa.token(), bug);
	}

	private String templates() {
		return "/api/projects/" + this.key + "/templates";
	}

}
