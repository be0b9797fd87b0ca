package dev.fixpoint.accounts;

import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.web.ProblemMapping;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Site administration (deactivation, plans) and an organization's audit log over the API.
 */
class AdminAndAuditApiTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganizationRepository organizations;

	@Test
	void onlySiteAdminsAdminister() {
		TestUser bob = this.api.newUser("Bob");
		assertThat(this.api.get("/api/admin/users", bob.token()).status()).isEqualTo(403);
		assertThat(this.api.post("/api/admin/users/" + bob.id() + "/deactivate", bob.token(), Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void theUserFilterTakesUnderscoreAndPercentAsThemselves() {
		TestUser admin = siteAdmin();
		TestUser bob = this.api.newUser("Bob");
		TestUser underscored = this.api.newPerson("Uma_Underscore");

		JsonNode found = this.api.get("/api/admin/users?limit=100&q=_", admin.token()).body().get("items");
		assertThat(found.values()).extracting(u -> u.get("id").asString())
			.contains(underscored.id().toString())
			.doesNotContain(bob.id().toString(), admin.id().toString());
		assertThat(found.values()).allSatisfy(
				u -> assertThat(u.get("name").asString() + u.get("username").asString() + u.get("email").asString())
					.contains("_"));
		assertThat(this.api.get("/api/admin/users?limit=100&q=%25", admin.token()).body().get("items").values())
			.extracting(u -> u.get("id").asString())
			.doesNotContain(bob.id().toString(), underscored.id().toString());
	}

	@Test
	void aDeactivatedPersonCannotSignInTheirTokensStopAndTheirBugsKeepTheirName() {
		TestUser admin = siteAdmin();
		TestUser bob = this.api.newUser("Bob");
		JsonNode project = this.api.newProject(bob);
		JsonNode bug = this.api.newBug(bob, project.get("key").asString(), "Crash on save", "high");

		Api.Response found = this.api.get("/api/admin/users?q=" + bob.username(), admin.token());
		assertThat(found.body().get("items")).singleElement()
			.satisfies(u -> assertThat(u.get("id").asString()).isEqualTo(bob.id().toString()));
		assertThat(this.api.get("/api/admin/users?q=bot", admin.token()).raw()).doesNotContain("[bot]");

		Api.Response off = this.api.post("/api/admin/users/" + bob.id() + "/deactivate", admin.token(), Map.of());
		assertThat(off.status()).isEqualTo(200);
		assertThat(off.body().get("deactivated_at").isNull()).isFalse();
		assertThat(this.api.get("/api/me", bob.token()).status()).isEqualTo(401);
		assertThat(
				this.api.post("/api/auth/login", null, Map.of("email", bob.email(), "password", Api.PASSWORD)).status())
			.isEqualTo(401);
		assertThat(this.api.get("/api/bugs/" + bug.get("key").asString(), admin.token()).status()).as("not a member")
			.isEqualTo(404);
		assertThat(this.jdbc.sql("select u.name from bugs b join users u on u.id = b.reporter_id where b.id = :id")
			.param("id", UUID.fromString(bug.get("id").asString()))
			.query(String.class)
			.single()).isEqualTo(bob.name());

		assertThat(this.api.post("/api/admin/users/" + bob.id() + "/reactivate", admin.token(), Map.of()).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/me", bob.token()).status()).isEqualTo(200);
		assertThat(actions(bob.id())).contains("admin.user_deactivated", "admin.user_reactivated");
	}

	@Test
	void orgAdminsReadAndExportTheirAuditLogOthersDoNot() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		TestUser eve = this.api.newUser("Eve");
		String org = this.api.get("/api/me", ann.token()).body().get("organizations").get(0).get("slug").asString();
		JsonNode project = this.api.newProject(ann);
		String key = project.get("key").asString();
		this.api.addMember(ann, key, bob, "developer");
		this.api.patch("/api/projects/" + key + "/members/" + bob.id(), ann.token(), Map.of("role", "qa"));
		this.api.patch("/api/projects/" + key, ann.token(), Map.of("name", "Renamed"));

		Api.Response log = this.api.get("/api/orgs/" + org + "/audit-log", ann.token());
		assertThat(log.status()).isEqualTo(200);
		assertThat(log.body().get("items").findValuesAsString("action")).contains("project.created",
				"project.member_added", "project.member_role_changed", "project.settings_changed");
		JsonNode roleChange = log.body()
			.get("items")
			.valueStream()
			.filter(i -> i.get("action").asString().equals("project.member_role_changed"))
			.findFirst()
			.orElseThrow();
		assertThat(roleChange.get("before").get("role").asString()).isEqualTo("developer");
		assertThat(roleChange.get("after").get("role").asString()).isEqualTo("qa");
		assertThat(roleChange.get("actor").get("username").asString()).isEqualTo(ann.username());
		assertThat(roleChange.get("ip").asString()).isNotBlank();

		Api.Response first = this.api.get("/api/orgs/" + org + "/audit-log?limit=1&action=project.", ann.token());
		assertThat(first.body().get("items")).hasSize(1);
		Api.Response second = this.api.get("/api/orgs/" + org + "/audit-log?limit=1&action=project.&cursor="
				+ first.body().get("next_cursor").asString(), ann.token());
		assertThat(second.body().get("items").get(0).get("id").asString())
			.isNotEqualTo(first.body().get("items").get(0).get("id").asString());

		assertThat(this.api.get("/api/orgs/" + org + "/audit-log", bob.token()).status()).as("a plain member")
			.isEqualTo(403);
		assertThat(this.api.get("/api/orgs/" + org + "/audit-log", eve.token()).status()).as("not a member")
			.isEqualTo(404);

		Api.Response csv = this.api.get("/api/orgs/" + org + "/audit-log/export.csv", ann.token());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.raw()).contains("created_at,action,actor").contains("project.member_role_changed");
		assertThat(
				this.api.get("/api/orgs/" + org + "/audit-log?action=audit.exported", ann.token()).body().get("items"))
			.hasSize(1);
	}

	@Test
	void theFreePlanStopsAtItsLimitsWithAPlanLimitProblem() {
		TestUser ann = this.api.newUser("Ann");
		UUID org = UUID
			.fromString(this.api.get("/api/me", ann.token()).body().get("organizations").get(0).get("id").asString());
		Plans plans = new Plans(this.organizations, "on");
		plans.checkNewProject(org, 2);
		assertThatThrownBy(() -> plans.checkNewProject(org, 3)).isInstanceOfSatisfying(PlanLimitException.class, ex -> {
			var problem = ProblemMapping.of(ex);
			assertThat(problem.status().value()).isEqualTo(403);
			assertThat(ex.properties()).containsEntry("limit", 3).containsEntry("used", 3);
			assertThat(ex.properties().get("upgrade").toString()).contains("Team");
		});
		plans.checkNewMember(org); // one member of five
		for (int i = 0; i < 4; i++) {
			this.organizations.addMember(org, this.api.newUser("M").id(), "member");
		}
		assertThatThrownBy(() -> plans.checkNewMember(org)).isInstanceOf(PlanLimitException.class);
		assertThatThrownBy(() -> plans.checkEnterprise(org, "The audit log export"))
			.isInstanceOf(PlanLimitException.class);
		this.organizations.setPlan(org, "team");
		plans.checkNewMember(org);
		plans.checkNewProject(org, 100);
		assertThat(new Plans(this.organizations, "off").of(org)).as("plans off: unlimited").isEqualTo(Plan.ENTERPRISE);
	}

	@Test
	void membersWorkflowSlaDeletionAndPlansAreAudited() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		JsonNode me = this.api.get("/api/me", ann.token()).body().get("organizations").get(0);
		String org = me.get("slug").asString();
		String key = this.api.newProject(ann).get("key").asString();
		String projectId = this.api.get("/api/projects/" + key, ann.token()).body().get("id").asString();

		this.api.post("/api/orgs/" + org + "/members", ann.token(), Map.of("username", bob.username()));
		this.api.post("/api/orgs/" + org + "/members", ann.token(),
				Map.of("username", bob.username(), "role", "admin"));
		JsonNode workflow = this.api.get("/api/projects/" + key + "/workflow", ann.token()).body();
		assertThat(this.api.put("/api/projects/" + key + "/workflow", ann.token(), workflow).status()).isEqualTo(200);
		assertThat(this.api.put("/api/projects/" + key + "/sla-config", ann.token(), Map.of("critical", "4h")).status())
			.isEqualTo(200);
		assertThat(this.api.delete("/api/projects/" + key, ann.token()).status()).isEqualTo(204);
		TestUser admin = siteAdmin();
		assertThat(this.api
			.put("/api/admin/organizations/" + me.get("id").asString() + "/plan", admin.token(), Map.of("plan", "team"))
			.status()).isEqualTo(200);

		assertThat(actions(bob.id())).containsSubsequence("org.member_added", "org.member_role_changed");
		assertThat(actions(UUID.fromString(projectId))).contains("project.created", "project.workflow_changed",
				"project.sla_changed", "project.deleted");
		assertThat(actions(UUID.fromString(me.get("id").asString()))).contains("admin.plan_changed");
	}

	TestUser siteAdmin() {
		TestUser admin = this.api.newUser("Admin");
		this.jdbc.sql("update users set is_site_admin = true where id = :id").param("id", admin.id()).update();
		return admin;
	}

	java.util.List<String> actions(UUID target) {
		return this.jdbc.sql("select action from audit_events where target_id = :t order by created_at")
			.param("t", target.toString())
			.query(String.class)
			.list();
	}

}
