package dev.fixpoint.projects;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectApiTest extends IntegrationTest {

	@Test
	void creatorBecomesAdminAndSeesProjectByIdOrKey() {
		TestUser ann = this.api.newUser("Ann");
		Api.Response r = this.api.post("/api/projects", ann.token(),
				Map.of("name", "Web shop", "key", "WEB", "description", "The storefront"));
		assertThat(r.status()).isEqualTo(201);
		JsonNode project = r.body();
		assertThat(project.get("my_role").asString()).isEqualTo("admin");
		assertThat(project.get("slug").asString()).isEqualTo("web-shop");
		assertThat(project.get("workflow").get("statuses").size()).isEqualTo(5);
		assertThat(this.api.get("/api/projects/WEB", ann.token()).body().get("id").asString())
			.isEqualTo(project.get("id").asString());
		assertThat(this.api.get("/api/projects/" + project.get("id").asString(), ann.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/projects", ann.token()).body().get("items").size()).isEqualTo(1);
	}

	@Test
	void keyMustBeValidAndUniqueInTheOrganization() {
		TestUser ann = this.api.newUser("Ann");
		Api.Response bad = this.api.post("/api/projects", ann.token(), Map.of("name", "x", "key", "web-1"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.raw()).contains("\"field\":\"key\"");
		assertThat(this.api.post("/api/projects", ann.token(), Map.of("name", "A", "key", "ABC")).status())
			.isEqualTo(201);
		Api.Response dup = this.api.post("/api/projects", ann.token(), Map.of("name", "B", "key", "ABC"));
		assertThat(dup.status()).isEqualTo(409);
		// another organization may use the same key
		TestUser bob = this.api.newUser("Bob");
		assertThat(this.api.post("/api/projects", bob.token(), Map.of("name", "A", "key", "ABC")).status())
			.isEqualTo(201);
	}

	@Test
	void nonMembersGet404ForEverythingInAProject() {
		TestUser ann = this.api.newUser("Ann");
		TestUser eve = this.api.newUser("Eve");
		JsonNode project = this.api.newProject(ann);
		String key = project.get("key").asString();
		String bugKey = this.api.newBug(ann, key, "Secret bug", "low").get("key").asString();
		assertThat(this.api.get("/api/projects/" + key, eve.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + project.get("id").asString(), eve.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + key + "/bugs", eve.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + key + "/members", eve.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/bugs/" + bugKey, eve.token()).status()).isEqualTo(404);
		assertThat(this.api.patch("/api/bugs/" + bugKey, eve.token(), Map.of("title", "pwned")).status())
			.isEqualTo(404);
		assertThat(this.api.post("/api/projects/" + key + "/bugs", eve.token(), Map.of("title", "x", "severity", "low"))
			.status()).isEqualTo(404);
		assertThat(this.api.delete("/api/projects/" + key, eve.token()).status()).isEqualTo(404);
	}

	@Test
	void adminsManageMembersAndTheLastAdminStays() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(ann).get("key").asString();
		Api.Response added = this.api.post("/api/projects/" + key + "/members", ann.token(),
				Map.of("email", dev.email(), "role", "developer"));
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.body().get("role").asString()).isEqualTo("developer");
		assertThat(this.api
			.post("/api/projects/" + key + "/members", ann.token(), Map.of("email", dev.email(), "role", "qa"))
			.status()).isEqualTo(409);
		assertThat(this.api
			.post("/api/projects/" + key + "/members", ann.token(),
					Map.of("username", "no-such-user-xyz", "role", "qa"))
			.status()).isEqualTo(400);
		assertThat(this.api
			.post("/api/projects/" + key + "/members", ann.token(), Map.of("username", dev.username(), "role", "boss"))
			.status()).isEqualTo(400);
		JsonNode members = this.api.get("/api/projects/" + key + "/members", dev.token()).body();
		assertThat(members.size()).isEqualTo(2);
		assertThat(members.get(0).has("joined_at")).isTrue();
		// the last admin can be neither demoted nor removed
		assertThat(this.api.patch("/api/projects/" + key + "/members/" + ann.id(), ann.token(), Map.of("role", "qa"))
			.status()).isEqualTo(409);
		assertThat(this.api.delete("/api/projects/" + key + "/members/" + ann.id(), ann.token()).status())
			.isEqualTo(409);
		// with a second admin it works
		assertThat(this.api.patch("/api/projects/" + key + "/members/" + dev.id(), ann.token(), Map.of("role", "admin"))
			.status()).isEqualTo(200);
		assertThat(this.api.delete("/api/projects/" + key + "/members/" + ann.id(), dev.token()).status())
			.isEqualTo(204);
		assertThat(this.api.get("/api/projects/" + key, ann.token()).status()).isEqualTo(404);
	}

	@Test
	void componentsWithOwnersAssignNewBugs() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		Api.Response component = this.api.post("/api/projects/" + key + "/components", ann.token(),
				Map.of("name", "Checkout", "owner_id", dev.id().toString()));
		assertThat(component.status()).isEqualTo(201);
		JsonNode bug = this.api
			.post("/api/projects/" + key + "/bugs", ann.token(),
					Map.of("title", "Pay button", "severity", "high", "component", "checkout"))
			.body();
		assertThat(bug.get("component").asString()).isEqualTo("Checkout");
		assertThat(bug.get("assignee").get("id").asString()).isEqualTo(dev.id().toString());
		assertThat(this.api
			.post("/api/projects/" + key + "/bugs", ann.token(),
					Map.of("title", "x", "severity", "high", "component", "Nope"))
			.status()).isEqualTo(400);
	}

	@Test
	void adminUpdatesAndDeletesProject() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		Api.Response patched = this.api.patch("/api/projects/" + key, ann.token(),
				Map.of("name", "Renamed", "is_public", true));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.body().get("name").asString()).isEqualTo("Renamed");
		assertThat(patched.body().get("is_public").asBoolean()).isTrue();
		assertThat(this.api.delete("/api/projects/" + key, ann.token()).status()).isEqualTo(204);
		assertThat(this.api.get("/api/projects/" + key, ann.token()).status()).isEqualTo(404);
	}

}
