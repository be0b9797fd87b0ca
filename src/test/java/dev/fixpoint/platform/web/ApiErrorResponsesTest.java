package dev.fixpoint.platform.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description tells the truth about errors: requests that fail in the ways
 * {@link ApiErrorResponses} derives (no token, unknown ids, malformed or mistyped bodies)
 * and the ways single methods document (403, 409, 422, 429) get a status the operation
 * documents, as problem+json.
 */
class ApiErrorResponsesTest extends IntegrationTest {

	record Op(String method, String path, JsonNode operation) {

		Set<String> documented() {
			Set<String> codes = new HashSet<>();
			this.operation.get("responses").propertyNames().forEach(codes::add);
			return codes;
		}

		boolean isPublic() {
			return this.operation.has("security") && this.operation.get("security").isEmpty();
		}

		boolean hasJsonBody() {
			return this.operation.has("requestBody")
					&& this.operation.get("requestBody").get("content").has("application/json");
		}

		/** Every path variable as an id nobody has. */
		String unknownPath() {
			return this.path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	private List<Op> operations;

	@BeforeEach
	void readDescription() {
		JsonNode paths = this.api.get("/v3/api-docs", null).body().get("paths");
		this.operations = new ArrayList<>();
		paths.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(op -> this.operations.add(new Op(op.getKey().toUpperCase(), path.getKey(), op.getValue()))));
	}

	@Test
	void everyOperationIsNamedSummarizedTaggedAndDescribesItsErrorsAsProblems() {
		Set<String> ids = new HashSet<>();
		assertThat(this.operations).hasSizeGreaterThan(70);
		for (Op op : this.operations) {
			JsonNode o = op.operation();
			assertThat(o.path("summary").asString("")).as("summary of %s", op).isNotBlank();
			assertThat(o.get("operationId").asString()).as("operationId of %s", op).matches("[a-z][A-Za-z]+");
			assertThat(ids.add(o.get("operationId").asString())).as("unique operationId of %s", op).isTrue();
			assertThat(o.get("tags")).as("tag of %s", op).hasSize(1);
			assertThat(op.documented()).as("4xx of %s", op).anyMatch(code -> code.startsWith("4"));
			o.get("responses").properties().stream().filter(r -> r.getKey().matches("[45]..")).forEach(r -> {
				assertThat(r.getValue().get("content").has("application/problem+json")).as("%s %s", op, r.getKey())
					.isTrue();
			});
		}
	}

	@Test
	void withoutATokenEveryProtectedOperationAnswers401AndEveryPublicOneADocumentedStatus() {
		for (Op op : this.operations) {
			Api.Response r = this.api.send(op.method(), op.unknownPath(), null, op.hasJsonBody() ? Map.of() : null,
					Map.of());
			if (op.isPublic()) {
				assertDocumented(op, r);
			}
			else {
				assertThat(op.documented()).as("%s documents 401", op).contains("401");
				assertProblem(op, r, 401);
			}
		}
	}

	@Test
	void unknownIdsAnswerADocumented404() {
		TestUser user = this.api.newUser("Docs");
		for (Op op : this.operations) {
			if (op.method().equals("GET") && op.path().contains("{") && !op.isPublic()) {
				Api.Response r = this.api.get(op.unknownPath(), user.token());
				assertThat(op.documented()).as("%s documents 404", op).contains("404");
				assertProblem(op, r, 404);
			}
		}
	}

	@Test
	void malformedJsonBodiesAnswer400AndOtherMediaTypes415AsDocumented() {
		TestUser user = this.api.newUser("Docs");
		for (Op op : this.operations) {
			if (!op.hasJsonBody()) {
				continue;
			}
			String token = op.isPublic() ? null : user.token();
			Api.Response malformed = this.api.send(op.method(), op.unknownPath(), token, "{\"title\": ", Map.of());
			assertProblem(op, malformed, 400);
			Api.Response plain = this.api.send(op.method(), op.unknownPath(), token, null,
					Map.of("Content-Type", "text/plain"));
			assertProblem(op, plain, 415);
		}
	}

	@Test
	void fieldErrorsAndOversizedBodiesAreDocumentedProblems() {
		Op signup = op("POST", "/api/auth/signup");
		Api.Response invalid = this.api.post("/api/auth/signup", null,
				Map.of("email", "x@example.com", "password", "short", "name", "X", "username", "x", "admin", true));
		assertProblem(signup, invalid, 400);
		assertThat(invalid.body().get("errors").get(0).has("field")).isTrue();
		assertThat(invalid.body().get("errors").get(0).has("message")).isTrue();

		TestUser user = this.api.newUser("Docs");
		Op create = op("POST", "/api/projects");
		Api.Response huge = this.api.post("/api/projects", user.token(),
				Map.of("name", "x".repeat(1_100_000), "key", "HUGE"));
		assertProblem(create, huge, 413);
	}

	@Test
	void roleRefusalsConflictsAndWorkflowRefusalsAreDocumented() {
		TestUser admin = this.api.newUser("Docs");
		TestUser viewer = this.api.newUser("Viewer");
		String key = this.api.newProject(admin).get("key").asString();
		this.api.addMember(admin, key, viewer, "viewer");
		Api.Response forbidden = this.api.post("/api/projects/" + key + "/bugs", viewer.token(),
				Map.of("title", "Not allowed", "severity", "low"));
		assertProblem(op("POST", "/api/projects/{project}/bugs"), forbidden, 403);

		String bug = this.api.newBug(admin, key, "Stale", "low").get("key").asString();
		this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("title", "Fresh", "version", 1));
		Op edit = op("PATCH", "/api/bugs/{bug}");
		Api.Response stale = this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("title", "Old", "version", 1));
		assertProblem(edit, stale, 409);
		assertThat(stale.body().get("current").get("title").asString()).isEqualTo("Fresh");
		assertThat(edit.operation().at("/responses/409/content/application~1problem+json/schema/$ref").asString())
			.endsWith("VersionConflictProblem");

		Api.Response notAllowed = this.api.patch("/api/bugs/" + bug, admin.token(), Map.of("status", "closed"));
		assertProblem(edit, notAllowed, 422);

		Api.Response lastAdmin = this.api.delete("/api/projects/" + key + "/members/" + admin.id(), admin.token());
		assertProblem(op("DELETE", "/api/projects/{project}/members/{userId}"), lastAdmin, 409);
	}

	@Test
	void failedLoginsAreLimitedWithRateLimitHeadersAndRetryAfter() {
		Op login = op("POST", "/api/auth/login");
		assertThat(login.operation().at("/responses/200/headers").has(RateLimitHeaders.REMAINING)).isTrue();
		assertThat(login.operation().at("/responses/429/headers").has("Retry-After")).isTrue();
		TestUser user = this.api.newUser("Limited");
		// an address of its own, so other tests' failed logins do not count (forwarded
		// headers are honoured)
		Map<String, String> from = Map.of("X-Forwarded-For", "10.22." + (int) (Math.random() * 250) + ".7");
		Api.Response ok = this.api.send("POST", "/api/auth/login", null,
				Map.of("email", user.email(), "password", Api.PASSWORD), from);
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.header(RateLimitHeaders.LIMIT)).isEqualTo("5");
		assertThat(ok.header(RateLimitHeaders.REMAINING)).isEqualTo("5");
		assertThat(ok.header(RateLimitHeaders.RESET)).isEqualTo("0");
		Api.Response last = null;
		for (int i = 0; i < 5; i++) {
			last = this.api.send("POST", "/api/auth/login", null,
					Map.of("email", user.email(), "password", "wrong-password"), from);
			assertProblem(login, last, 401);
			assertThat(last.header(RateLimitHeaders.REMAINING)).isEqualTo(String.valueOf(4 - i));
		}
		assertThat(Long.parseLong(last.header(RateLimitHeaders.RESET))).isPositive();
		Api.Response limited = this.api.send("POST", "/api/auth/login", null,
				Map.of("email", user.email(), "password", Api.PASSWORD), from);
		assertProblem(login, limited, 429);
		assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
		assertThat(limited.header(RateLimitHeaders.REMAINING)).isEqualTo("0");
	}

	private Op op(String method, String path) {
		return this.operations.stream()
			.filter(o -> o.method().equals(method) && o.path().equals(path))
			.findFirst()
			.orElseThrow();
	}

	private static void assertDocumented(Op op, Api.Response r) {
		if (r.status() >= 400) {
			assertThat(op.documented()).as("%s answered %s: %s", op, r.status(), r.raw())
				.contains(String.valueOf(r.status()));
			assertThat(r.header("Content-Type")).as("%s", op).startsWith("application/problem+json");
		}
	}

	private static void assertProblem(Op op, Api.Response r, int status) {
		assertThat(r.status()).as("%s: %s", op, r.raw()).isEqualTo(status);
		assertDocumented(op, r);
		assertThat(r.body().has("type") && r.body().has("title") && r.body().get("status").asInt() == status)
			.as("%s problem %s", op, r.raw())
			.isTrue();
	}

}
