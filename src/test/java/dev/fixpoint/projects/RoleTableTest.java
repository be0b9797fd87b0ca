package dev.fixpoint.projects;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Walks the role table of docs/API.md over HTTP: every action for admin, developer, qa,
 * viewer and a non-member. Each case acts on fresh bugs so the cases are independent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleTableTest extends IntegrationTest {

	private TestUser admin, developer, qa, viewer, outsider;

	private String key;

	@BeforeAll
	void setUpProject() {
		this.api = new Api(baseUrl(), this.json);
		this.admin = this.api.newUser("Admin");
		this.developer = this.api.newUser("Developer");
		this.qa = this.api.newUser("Qa");
		this.viewer = this.api.newUser("Viewer");
		this.outsider = this.api.newUser("Outsider");
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.key, this.developer, "developer");
		this.api.addMember(this.admin, this.key, this.qa, "qa");
		this.api.addMember(this.admin, this.key, this.viewer, "viewer");
	}

	/** An action performed by a user; returns the HTTP status. */
	interface Action extends Function<Ctx, Integer> {

	}

	record Ctx(RoleTableTest t, TestUser actor) {

		Api api() {
			return this.t.api;
		}

		String key() {
			return this.t.key;
		}

		String bug(TestUser reporter) {
			return api().newBug(reporter, key(), "Bug for the role table", "medium").get("key").asString();
		}

		String bugAssignedTo(TestUser assignee) {
			String bug = bug(this.t.admin);
			api().patch("/api/bugs/" + bug, this.t.admin.token(), Map.of("assignee_id", assignee.id().toString()));
			return bug;
		}

		String resolvedBug() {
			String bug = bug(this.t.admin);
			assertThat(api()
				.patch("/api/bugs/" + bug, this.t.admin.token(), Map.of("status", "resolved", "resolution", "fixed"))
				.status()).isEqualTo(200);
			return bug;
		}

		int patch(String bug, Map<String, Object> body) {
			return api().patch("/api/bugs/" + bug, this.actor.token(), body).status();
		}

	}

	static Stream<Arguments> table() {
		Map<String, Action> actions = new java.util.LinkedHashMap<>();
		actions.put("read bugs", c -> c.api().get("/api/projects/" + c.key() + "/bugs", c.actor().token()).status());
		actions.put("read a bug", c -> c.api().get("/api/bugs/" + c.bug(c.t().admin), c.actor().token()).status());
		actions.put("read history",
				c -> c.api().get("/api/bugs/" + c.bug(c.t().admin) + "/history", c.actor().token()).status());
		actions.put("read members",
				c -> c.api().get("/api/projects/" + c.key() + "/members", c.actor().token()).status());
		actions.put("create bug",
				c -> c.api()
					.post("/api/projects/" + c.key() + "/bugs", c.actor().token(),
							Map.of("title", "New", "severity", "low"))
					.status());
		actions.put("edit severity", c -> c.patch(c.bug(c.t().admin), Map.of("severity", "critical")));
		actions.put("edit title of own report", c -> c.patch(c.bug(c.actor()), Map.of("title", "Better title")));
		actions.put("edit priority of own report", c -> c.patch(c.bug(c.actor()), Map.of("priority", "P0")));
		actions.put("assign", c -> c.patch(c.bug(c.t().admin), Map.of("assignee_id", c.t().developer.id().toString())));
		actions.put("start progress on unassigned bug",
				c -> c.patch(c.bug(c.t().admin), Map.of("status", "in_progress")));
		actions.put("start progress on bug assigned to someone else",
				c -> c.patch(c.bugAssignedTo(c.t().admin), Map.of("status", "in_progress")));
		actions.put("resolve", c -> c.patch(c.bug(c.t().admin), Map.of("status", "resolved", "resolution", "fixed")));
		actions.put("verify a fix", c -> c.patch(c.resolvedBug(), Map.of("verified_by", c.actor().id().toString())));
		actions.put("reopen", c -> c.patch(c.resolvedBug(), Map.of("status", "open")));
		actions.put("delete bug", c -> c.api().delete("/api/bugs/" + c.bug(c.t().admin), c.actor().token()).status());
		actions.put("add member",
				c -> c.api()
					.post("/api/projects/" + c.key() + "/members", c.actor().token(),
							Map.of("username", c.api().newUser("Extra").username(), "role", "viewer"))
					.status());
		actions.put("add component",
				c -> c.api()
					.post("/api/projects/" + c.key() + "/components", c.actor().token(),
							Map.of("name", "C" + System.nanoTime()))
					.status());
		actions.put("rename project",
				c -> c.api()
					.patch("/api/projects/" + c.key(), c.actor().token(), Map.of("description", "changed"))
					.status());

		// expected status per role: admin, developer, qa, viewer, non-member
		Object[][] expected = { { "read bugs", 200, 200, 200, 200, 404 }, { "read a bug", 200, 200, 200, 200, 404 },
				{ "read history", 200, 200, 200, 200, 404 }, { "read members", 200, 200, 200, 200, 404 },
				{ "create bug", 201, 201, 201, 403, 404 }, { "edit severity", 200, 200, 403, 403, 404 },
				{ "edit title of own report", 200, 200, 200, -1, -1 },
				{ "edit priority of own report", 200, 200, 403, -1, -1 }, { "assign", 200, 200, 403, 403, 404 },
				{ "start progress on unassigned bug", 200, 200, 422, 403, 404 },
				{ "start progress on bug assigned to someone else", 200, 422, 422, 403, 404 },
				{ "resolve", 200, 200, 422, 403, 404 }, { "verify a fix", 200, 200, 200, 403, 404 },
				{ "reopen", 200, 200, 200, 403, 404 }, { "delete bug", 204, 403, 403, 403, 404 },
				{ "add member", 201, 403, 403, 403, 404 }, { "add component", 201, 403, 403, 403, 404 },
				{ "rename project", 200, 403, 403, 403, 404 } };
		String[] roles = { "admin", "developer", "qa", "viewer", "non-member" };
		return Stream.of(expected)
			.flatMap(row -> Stream.of(0, 1, 2, 3, 4)
				.filter(i -> (int) row[i + 1] != -1)
				.map(i -> arguments(row[0], roles[i], row[i + 1], actions.get((String) row[0]))));
	}

	@ParameterizedTest(name = "{1}: {0} → {2}")
	@MethodSource("table")
	void roleTableIsEnforced(String action, String role, int expectedStatus, Action perform) {
		TestUser actor = switch (role) {
			case "admin" -> this.admin;
			case "developer" -> this.developer;
			case "qa" -> this.qa;
			case "viewer" -> this.viewer;
			default -> this.outsider;
		};
		assertThat(perform.apply(new Ctx(this, actor))).as(role + " may " + action).isEqualTo(expectedStatus);
	}

}
