package dev.fixpoint.platform.web;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler lookup that asks only the mappings whose leading path the request's path
 * has ({@link PrefixCheckedMappings}) answers as Spring's own: the same handlers (HEAD by
 * the GET handler), 404 and 405 where it gave them, and percent-escaped paths matched on
 * their decoded segments.
 */
class HandlerLookupTest extends IntegrationTest {

	@Test
	void answersAsSpringsOwnLookup() {
		this.api.ensureSetUp();
		TestUser owner = this.api.newUser("lookup");
		String project = this.api.newProject(owner).get("key").asString();
		String bug = this.api.newBug(owner, project, "Lookup", "low").get("key").asString();

		assertThat(this.api.get("/api/me", owner.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/bugs/" + bug, owner.token()).body().get("key").asString()).isEqualTo(bug);
		assertThat(this.api.get("/api/bugs/" + bug + "/comments", owner.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/%62ugs/" + bug, owner.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/nothing/here", owner.token()).status()).isEqualTo(404);
		assertThat(this.api.send("PUT", "/api/me", owner.token(), null, java.util.Map.of()).status()).isEqualTo(405);
		assertThat(this.api.send("HEAD", "/api/bugs/" + bug, owner.token(), null, java.util.Map.of()).status())
			.isEqualTo(200);
		assertThat(this.api.send("PUT", "/api/bugs/" + bug, owner.token(), null, java.util.Map.of()).status())
			.isEqualTo(405);
		assertThat(this.api.get("/api/bugs/" + bug + "/", owner.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/bugs/" + bug + "/nothing", owner.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + project + "/bugs?limit=1", owner.token()).body().get("items").size())
			.isEqualTo(1);
	}

}
