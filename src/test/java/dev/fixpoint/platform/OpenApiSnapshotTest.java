package dev.fixpoint.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed description ({@code docs/api/openapi.json}) is what the server serves:
 * the generated test client and the Redocly lint (in {@code .ci/run}) read that file, so
 * it must not drift. Writes the live one to {@code target/openapi.json}; when they
 * differ, refresh the snapshot with {@code cp target/openapi.json docs/api/openapi.json}
 * (or run this test with {@code -Dfixpoint.openapi.update=true}) and review the diff.
 */
class OpenApiSnapshotTest extends IntegrationTest {

	static final Path SNAPSHOT = Path.of("docs/api/openapi.json");

	@Test
	void committedDescriptionIsTheLiveOne() throws IOException {
		Api.Response docs = this.api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		String live = pretty(docs.body());
		Path target = Path.of("target/openapi.json");
		Files.createDirectories(target.getParent());
		Files.writeString(target, live);
		if (Boolean.getBoolean("fixpoint.openapi.update")) {
			Files.writeString(SNAPSHOT, live);
		}
		String committed = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : "";
		assertThat(live).as("docs/api/openapi.json differs from /v3/api-docs. Refresh it: cp target/openapi.json "
				+ "docs/api/openapi.json (or ./mvnw -o test -Dtest=OpenApiSnapshotTest -Dfixpoint.openapi.update=true), "
				+ "review the diff, then run npm --prefix docs/api run lint")
			.isEqualTo(committed);
	}

	private String pretty(JsonNode node) {
		return this.json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(node) + "\n";
	}

}
