package dev.fixpoint.bugs.bulk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BulkAndExportApiTest extends IntegrationTest {

	@Test
	void bulkChangesEachBugLikeAPatchWithResultsPerBug() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		TestUser stranger = this.api.newUser("Stranger");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		String a = this.api.newBug(ann, key, "A", "low").get("key").asString();
		String b = this.api.newBug(ann, key, "B", "low").get("key").asString();
		String c = this.api.newBug(ann, key, "C", "low").get("key").asString();
		this.api.patch("/api/bugs/" + c, ann.token(), Map.of("status", "resolved", "resolution", "fixed"));
		String foreign = this.api.newBug(stranger, this.api.newProject(stranger).get("key").asString(), "X", "low")
			.get("key")
			.asString();
		Api.Response r = this.api.post("/api/projects/" + key + "/bugs/bulk", ann.token(),
				Map.of("ids", List.of(a, b, c, foreign), "set", Map.of("status", "in_progress", "assignee_id",
						dev.id().toString(), "priority", "P1", "tags_add", List.of("Regression"))));
		assertThat(r.status()).isEqualTo(200);
		JsonNode items = r.body().get("items");
		assertThat(items.get(0).get("status").asInt()).isEqualTo(200);
		assertThat(items.get(0).get("bug").get("assignee").get("username").asString()).isEqualTo(dev.username());
		assertThat(items.get(0).get("bug").get("tags").get(0).asString()).isEqualTo("regression");
		assertThat(items.get(1).get("status").asInt()).isEqualTo(200);
		assertThat(items.get(2).get("status").asInt()).isEqualTo(422); // resolved →
																		// in_progress is
																		// not a
																		// transition
		assertThat(items.get(3).get("status").asInt()).isEqualTo(404); // other project:
																		// never revealed
		assertThat(this.api.get("/api/bugs/" + c, ann.token()).body().get("priority").asString()).isEqualTo("P2");
		JsonNode history = this.api.get("/api/bugs/" + a + "/history", ann.token()).body();
		assertThat(history.toString()).contains("\"field\":\"status\"", "\"field\":\"assignee\"",
				"\"field\":\"priority\"", "\"field\":\"tags\"");
		JsonNode removed = this.api
			.post("/api/projects/" + key + "/bugs/bulk", ann.token(),
					Map.of("ids", List.of(a), "set", Map.of("tags_remove", List.of("regression"))))
			.body();
		assertThat(removed.get("items").get(0).get("bug").get("tags").size()).isZero();
	}

	@Test
	void bulkRefusesBadRequestsAsAWhole() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String a = this.api.newBug(ann, key, "A", "low").get("key").asString();
		assertThat(this.api
			.post("/api/projects/" + key + "/bugs/bulk", ann.token(),
					Map.of("ids", List.of(a), "set", Map.of("title", "x")))
			.status()).isEqualTo(400);
		assertThat(this.api
			.post("/api/projects/" + key + "/bugs/bulk", ann.token(),
					Map.of("ids", List.of(a), "set", Map.of("severity", "huge")))
			.status()).isEqualTo(400);
		assertThat(this.api
			.post("/api/projects/" + key + "/bugs/bulk", ann.token(),
					Map.of("ids", List.of(), "set", Map.of("severity", "low")))
			.status()).isEqualTo(400);
		assertThat(this.api.get("/api/bugs/" + a, ann.token()).body().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void exportStreamsTheFilteredListAsCsv() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.post("/api/projects/" + key + "/bugs", ann.token(),
				Map.of("title", "=HYPERLINK(\"evil\")", "severity", "high"));
		for (int i = 0; i < 120; i++) {
			this.api.newBug(ann, key, "Bug, with \"quotes\" " + i, i % 2 == 0 ? "low" : "medium");
		}
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(baseUrl() + "/api/projects/" + key + "/bugs/export.csv?severity=low,high"))
				.header("Authorization", "Bearer " + ann.token())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).startsWith("\uFEFFkey,title,status");
		assertThat(lines).hasSize(1 + 61);
		assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"evil\"\")\"").contains("\"Bug, with \"\"quotes\"\" 0\"");
		assertThat(this.api.get("/api/projects/" + key + "/bugs/export.csv?severity=huge", ann.token()).status())
			.isEqualTo(400);
	}

	@Test
	void similarBugsAreFoundByTypoTolerantTitleOpenFirst() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String closed = this.api.newBug(ann, key, "Checkout button does nothing on Safari", "high")
			.get("key")
			.asString();
		this.api.patch("/api/bugs/" + closed, ann.token(), Map.of("status", "resolved", "resolution", "fixed"));
		String open = this.api.newBug(ann, key, "Checkout page shows a blank button", "medium").get("key").asString();
		this.api.newBug(ann, key, "Avatar upload fails", "low");
		JsonNode similar = this.api.get("/api/projects/" + key + "/bugs/similar?title=chekout%20button", ann.token())
			.body();
		assertThat(similar.size()).isEqualTo(2);
		assertThat(similar.get(0).get("key").asString()).isEqualTo(open);
		assertThat(similar.get(1).get("key").asString()).isEqualTo(closed);
		assertThat(this.api.get("/api/projects/" + key + "/bugs/similar?title=ab", ann.token()).body().size()).isZero();
	}

}
