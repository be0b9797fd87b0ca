package dev.fixpoint.bugs.releases;

import java.util.Map;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Release pages: progress for everyone, the controls for project admins only. */
class ReleasePagesTest extends IntegrationTest {

	@Test
	void aReleasePageShowsItsBugsAndProgressAndOnlyAdminsManage() {
		TestUser ann = this.api.newUser("Ann");
		TestUser viewer = this.api.newUser("Vic");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, viewer, "viewer");
		BrowserSession admin = BrowserSession.signedIn(baseUrl(), this.api, ann);
		assertThat(admin.get("/p/" + key + "/releases").body()).contains("Add a release");
		BrowserSession.Page created = admin.post("/p/" + key + "/releases",
				Map.of("name", "1.4", "due_on", "2027-01-15", "description", "Spring launch"));
		assertThat(created.status()).isEqualTo(302);
		String releaseUrl = created.location();
		String fixed = this.api.newBug(ann, key, "Crash on export", "high").get("key").asString();
		String open = this.api.newBug(ann, key, "Slow search", "low").get("key").asString();
		this.api.patch("/api/bugs/" + fixed, ann.token(),
				Map.of("fixed_in", "1.4", "status", "resolved", "resolution", "fixed"));
		this.api.patch("/api/bugs/" + open, ann.token(), Map.of("fixed_in", "1.4"));

		BrowserSession.Page page = admin.get(releaseUrl);
		assertThat(page.text()).contains("1 resolved")
			.contains("1 open")
			.contains("50%")
			.contains(fixed)
			.contains(open);
		assertThat(page.body()).contains("Mark released today");

		BrowserSession reader = BrowserSession.signedIn(baseUrl(), this.api, viewer);
		BrowserSession.Page seen = reader.get(releaseUrl);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.body()).doesNotContain("Mark released today").doesNotContain("Archive");
		assertThat(reader.get("/p/" + key + "/releases").body()).doesNotContain("Add a release").contains("1.4");
		assertThat(reader.post("/p/" + key + "/releases", Map.of("name", "2.0")).status()).isEqualTo(403);
		assertThat(reader.get("/p/" + key + "/bugs").body()).contains("/p/" + key + "/releases");
	}

}
