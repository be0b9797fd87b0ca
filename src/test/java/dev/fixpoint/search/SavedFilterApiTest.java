package dev.fixpoint.search;

import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SavedFilterApiTest extends IntegrationTest {

	@Test
	void personalFiltersArePrivateSharedOnesVisibleToTheProject() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		TestUser viewer = this.api.newUser("Viewer");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		this.api.addMember(ann, key, viewer, "viewer");
		Api.Response mine = this.api.post("/api/projects/" + key + "/filters", dev.token(),
				Map.of("name", "My criticals", "query", "severity:critical assignee:me"));
		assertThat(mine.status()).isEqualTo(201);
		Api.Response shared = this.api.post("/api/projects/" + key + "/filters", dev.token(),
				Map.of("name", "Triage", "query", "assignee:none", "shared", true));
		assertThat(shared.status()).isEqualTo(201);
		JsonNode forAnn = this.api.get("/api/projects/" + key + "/filters", ann.token()).body().get("items");
		assertThat(forAnn.size()).isEqualTo(1);
		assertThat(forAnn.get(0).get("name").asString()).isEqualTo("Triage");
		assertThat(this.api.get("/api/projects/" + key + "/filters", dev.token()).body().get("items").size())
			.isEqualTo(2);
		// viewers keep personal filters but cannot share
		assertThat(this.api
			.post("/api/projects/" + key + "/filters", viewer.token(), Map.of("name", "Mine", "query", "tag:ui"))
			.status()).isEqualTo(201);
		assertThat(this.api
			.post("/api/projects/" + key + "/filters", viewer.token(),
					Map.of("name", "Ours", "query", "tag:ui", "shared", true))
			.status()).isEqualTo(403);
		// only the owner (or an admin for shared ones) deletes
		String personalId = mine.body().get("id").asString();
		assertThat(this.api.delete("/api/filters/" + personalId, ann.token()).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/filters/" + shared.body().get("id").asString(), viewer.token()).status())
			.isEqualTo(403);
		assertThat(this.api.delete("/api/filters/" + shared.body().get("id").asString(), ann.token()).status())
			.isEqualTo(204);
		assertThat(this.api.delete("/api/filters/" + personalId, dev.token()).status()).isEqualTo(204);
		assertThat(this.api.post("/api/projects/" + key + "/filters", dev.token(), Map.of("name", " ", "query", "x"))
			.status()).isEqualTo(400);
		TestUser outsider = this.api.newUser("Out");
		assertThat(this.api.get("/api/projects/" + key + "/filters", outsider.token()).status()).isEqualTo(404);
	}

}
