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
	void unknownApiPathsAreProblemDetails() {
		var r = this.api.get("/api/does-not-exist", null);
		assertThat(r.status()).isIn(401, 404);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
	}

}
