package dev.fixpoint.bugs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BugEditApiTest extends IntegrationTest {

	@Test
	void statusAndAssignmentChangesPublishTheirEventsARefusedChangeNone() {
		TestUser admin = this.api.newUser("Admin");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(admin).get("key").asString();
		this.api.addMember(admin, key, dev, "developer");
		String bug = this.api.newBug(admin, key, "Checkout fails", "high").get("key").asString();
		JsonNode updated = this.api
			.patch("/api/bugs/" + bug, admin.token(),
					Map.of("assignee_id", dev.id().toString(), "status", "in_progress"))
			.body();
		String id = updated.get("id").asString();
		assertThat(this.events.ofType(BugStatusChanged.class))
			.anyMatch(e -> e.bugId().toString().equals(id) && e.to().equals("in_progress") && e.from().equals("open"));
		assertThat(this.events.ofType(BugAssigned.class))
			.anyMatch(e -> e.bugId().toString().equals(id) && dev.id().equals(e.assigneeId()));
		assertThat(this.events.ofType(BugCreated.class)).anyMatch(e -> e.bugId().toString().equals(id));
		int before = this.events.ofType(BugStatusChanged.class).size();
		this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("status", "closed"));
		assertThat(this.events.ofType(BugStatusChanged.class)).hasSize(before);
	}

	@Test
	void everyChangedFieldIsInHistoryWithWhoOldAndNew() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String bug = this.api.newBug(ann, key, "Old title", "low").get("key").asString();
		Api.Response r = this.api.patch("/api/bugs/" + bug, ann.token(), Api.body("title", "New title", "severity",
				"high", "tags", List.of("ui"), "due_date", "2027-03-01", "environment", Map.of("os", "Linux")));
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.header("ETag")).isEqualTo("\"2\"");
		JsonNode history = this.api.get("/api/bugs/" + bug + "/history", ann.token()).body();
		assertThat(history.size()).isEqualTo(5);
		JsonNode title = find(history, "title");
		assertThat(title.get("old_value").asString()).isEqualTo("Old title");
		assertThat(title.get("new_value").asString()).isEqualTo("New title");
		assertThat(title.get("user").get("username").asString()).isEqualTo(ann.username());
		assertThat(find(history, "severity").get("new_value").asString()).isEqualTo("high");
		// a no-op edit records nothing and keeps the version
		Api.Response same = this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("title", "New title"));
		assertThat(same.body().get("version").asInt()).isEqualTo(2);
		assertThat(this.api.get("/api/bugs/" + bug + "/history", ann.token()).body().size()).isEqualTo(5);
	}

	@Test
	void staleIfMatchOrVersionIsA409WithTheCurrentBug() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String bug = this.api.newBug(ann, key, "Race", "low").get("key").asString();
		assertThat(
				this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("title", "First"), Map.of("If-Match", "\"1\""))
					.status())
			.isEqualTo(200);
		Api.Response stale = this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("title", "Second"),
				Map.of("If-Match", "\"1\""));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().get("current").get("title").asString()).isEqualTo("First");
		assertThat(stale.body().get("current").get("version").asInt()).isEqualTo(2);
		Api.Response staleField = this.api.patch("/api/bugs/" + bug, ann.token(),
				Map.of("title", "Third", "version", 1));
		assertThat(staleField.status()).isEqualTo(409);
		assertThat(this.api.get("/api/bugs/" + bug, ann.token()).body().get("title").asString()).isEqualTo("First");
	}

	@Test
	void concurrentReportsGetGaplessUniqueNumbers() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		List<Callable<Integer>> tasks = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			int n = i;
			tasks.add(() -> this.api.newBug(ann, key, "Parallel " + n, "low").get("number").asInt());
		}
		List<Integer> numbers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<Integer> f : pool.invokeAll(tasks)) {
				numbers.add(f.get());
			}
		}
		Collections.sort(numbers);
		assertThat(numbers).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
	}

	@Test
	void concurrentEditsWithVersionsLoseNothing() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String bug = this.api.newBug(ann, key, "Hot bug", "low").get("key").asString();
		// 50 writers each append their own line to the description with optimistic
		// concurrency, retrying on 409
		List<Callable<Integer>> tasks = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String line = "writer-" + i;
			tasks.add(() -> {
				int conflicts = 0;
				while (true) {
					JsonNode current = this.api.get("/api/bugs/" + bug, ann.token()).body();
					String description = current.get("description").asString() + "\n" + line;
					Api.Response r = this.api.patch("/api/bugs/" + bug, ann.token(),
							Map.of("description", description, "version", current.get("version").asInt()));
					if (r.status() == 200) {
						return conflicts;
					}
					assertThat(r.status()).isEqualTo(409);
					conflicts++;
				}
			});
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			for (Future<Integer> f : pool.invokeAll(tasks)) {
				f.get();
			}
		}
		JsonNode result = this.api.get("/api/bugs/" + bug, ann.token()).body();
		for (int i = 0; i < 50; i++) {
			assertThat(result.get("description").asString().lines()).contains("writer-" + i);
		}
		assertThat(result.get("version").asInt()).isEqualTo(51);
		assertThat(this.api.get("/api/bugs/" + bug + "/history", ann.token()).body().size()).isEqualTo(50);
	}

	@Test
	void transitionsFollowTheWorkflowAndMaintainTimestamps() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String bug = this.api.newBug(ann, key, "Lifecycle", "high").get("key").asString();
		Api.Response noResolution = this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "resolved"));
		assertThat(noResolution.status()).isEqualTo(422);
		assertThat(noResolution.body().get("missing_fields").get(0).asString()).isEqualTo("resolution");
		assertThat(noResolution.body().get("allowed_transitions").size()).isPositive();
		JsonNode resolved = this.api
			.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "resolved", "resolution", "fixed"))
			.body();
		assertThat(resolved.get("resolved_at").isNull()).isFalse();
		assertThat(this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "closed")).status()).isEqualTo(422);
		JsonNode closed = this.api
			.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "closed", "verified_by", ann.id().toString()))
			.body();
		assertThat(closed.get("closed_at").isNull()).isFalse();
		assertThat(closed.get("verified_by").get("id").asString()).isEqualTo(ann.id().toString());
		JsonNode reopened = this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "open")).body();
		assertThat(reopened.get("resolved_at").isNull()).isTrue();
		assertThat(reopened.get("closed_at").isNull()).isTrue();
		assertThat(reopened.get("resolution").isNull()).isTrue();
		JsonNode history = this.api.get("/api/bugs/" + bug + "/history", ann.token()).body();
		assertThat(history.toString()).contains("\"new_value\":\"closed\"", "\"old_value\":\"closed\"");
		Api.Response unknown = this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "done"));
		assertThat(unknown.status()).isEqualTo(422);
	}

	@Test
	void badEditsAreFieldErrorsAndChangeNothing() {
		TestUser ann = this.api.newUser("Ann");
		TestUser stranger = this.api.newUser("Stranger");
		String key = this.api.newProject(ann).get("key").asString();
		String bug = this.api.newBug(ann, key, "Valid", "low").get("key").asString();
		Api.Response r = this.api.patch("/api/bugs/" + bug, ann.token(), Api.body("title", " ", "severity", "huge",
				"priority", "P7", "due_date", "tomorrow", "reporter", "me", "tags", "not-a-list"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body().get("errors").size()).isEqualTo(6);
		assertThat(this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("title", "x".repeat(201))).status())
			.isEqualTo(400);
		assertThat(this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("assignee_id", stranger.id().toString()))
			.status()).isEqualTo(400);
		assertThat(this.api.patch("/api/bugs/" + bug, ann.token(), Map.of()).status()).isEqualTo(400);
		assertThat(this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("title", "ok"), Map.of("If-Match", "abc"))
			.status()).isEqualTo(400);
		JsonNode unchanged = this.api.get("/api/bugs/" + bug, ann.token()).body();
		assertThat(unchanged.get("title").asString()).isEqualTo("Valid");
		assertThat(unchanged.get("version").asInt()).isEqualTo(1);
	}

	@Test
	void bugsAreFoundByIdOrKeyAndDeletedByAdmins() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		JsonNode bug = this.api.newBug(ann, key, "Find me", "low");
		assertThat(this.api.get("/api/bugs/" + bug.get("id").asString(), ann.token()).body().get("key").asString())
			.isEqualTo(bug.get("key").asString());
		assertThat(this.api.get("/api/bugs/" + bug.get("key").asString().toLowerCase(), ann.token()).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/bugs/" + key + "-999", ann.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/bugs/not-a-key", ann.token()).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/bugs/" + bug.get("key").asString(), ann.token()).status()).isEqualTo(204);
		assertThat(this.api.get("/api/bugs/" + bug.get("id").asString(), ann.token()).status()).isEqualTo(404);
	}

	private static JsonNode find(JsonNode history, String field) {
		for (JsonNode entry : history) {
			if (entry.get("field").asString().equals(field)) {
				return entry;
			}
		}
		throw new AssertionError("no history entry for " + field);
	}

	@Test
	void aDuplicateNamesTheOriginalBug() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String original = this.api.newBug(ann, key, "Original", "high").get("key").asString();
		String copy = this.api.newBug(ann, key, "Copy", "high").get("key").asString();
		Api.Response missing = this.api.patch("/api/bugs/" + copy, ann.token(),
				Map.of("status", "resolved", "resolution", "duplicate"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.raw()).contains("\"field\":\"duplicate_of\"");
		assertThat(this.api
			.patch("/api/bugs/" + copy, ann.token(),
					Map.of("status", "resolved", "resolution", "duplicate", "duplicate_of", copy))
			.status()).isEqualTo(400);
		assertThat(this.api
			.patch("/api/bugs/" + copy, ann.token(),
					Map.of("status", "resolved", "resolution", "duplicate", "duplicate_of", "nope"))
			.status()).isEqualTo(400);
		JsonNode resolved = this.api
			.patch("/api/bugs/" + copy, ann.token(),
					Map.of("status", "resolved", "resolution", "duplicate", "duplicate_of", original.toLowerCase()))
			.body();
		assertThat(resolved.get("duplicate_of").asString()).isEqualTo(original);
		JsonNode reopened = this.api.patch("/api/bugs/" + copy, ann.token(), Map.of("status", "open")).body();
		assertThat(reopened.get("duplicate_of").isNull()).isTrue();
		assertThat(this.api.get("/api/bugs/" + copy + "/history", ann.token()).raw()).contains("duplicate_of");
	}

}
