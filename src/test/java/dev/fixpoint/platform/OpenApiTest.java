package dev.fixpoint.platform;

import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest extends IntegrationTest {

	@Test
	void apiIsDescribedWithBearerAuth() {
		var docs = this.api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("paths").has("/api/projects/{project}/bugs")).isTrue();
		assertThat(docs.body().get("paths").has("/api/bugs/{bug}/history")).isTrue();
		assertThat(docs.body().get("components").get("securitySchemes").has("bearer")).isTrue();
		assertThat(this.api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
	}

	@Test
	void bugListParametersKeepTheirApiNames() {
		var list = this.api.get("/v3/api-docs", null)
			.body()
			.get("paths")
			.get("/api/projects/{project}/bugs")
			.get("get");
		java.util.List<String> names = new java.util.ArrayList<>();
		list.get("parameters").forEach(p -> names.add(p.get("name").asString()));
		assertThat(names)
			.contains("project", "status", "severity", "priority", "assignee", "reporter", "tag", "component",
					"created_from", "created_to", "updated_from", "updated_to", "due_before", "q", "sort", "cursor",
					"limit", "sla")
			.doesNotContain("createdFrom", "dueBefore");
	}

	@Test
	void uploadsDocumentAFullAndAnUnavailableStore() {
		var responses = this.api.get("/v3/api-docs", null)
			.body()
			.get("paths")
			.get("/api/bugs/{bug}/attachments")
			.get("post")
			.get("responses");
		assertThat(responses.has("201")).isTrue();
		assertThat(responses.get("507").get("description").asString()).contains("full");
		assertThat(responses.get("503").get("headers").has("Retry-After")).isTrue();
		assertThat(responses.get("503").get("content").has("application/problem+json")).isTrue();
	}

	@Test
	void unknownApiPathsAreProblemDetails() {
		var r = this.api.get("/api/does-not-exist", null);
		assertThat(r.status()).isIn(401, 404);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
	}

}
