package dev.fixpoint.bugs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Releases and the bug fields {@code fixed_in} and {@code affects}. */
class ReleasesApiTest extends IntegrationTest {

	private TestUser ann, dev;

	private String key;

	@BeforeEach
	void project() {
		this.ann = this.api.newUser("Ann");
		this.dev = this.api.newUser("Dev");
		this.key = this.api.newProject(this.ann).get("key").asString();
		this.api.addMember(this.ann, this.key, this.dev, "developer");
	}

	@Test
	void adminsCreateReleasesWithUniqueNames() {
		Api.Response created = release("1.4");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("name").asString()).isEqualTo("1.4");
		assertThat(created.body().get("due_on").asString()).isEqualTo("2027-03-01");
		assertThat(created.body().get("open_count").asInt()).isZero();
		assertThat(release("1.4").status()).isEqualTo(409);
		assertThat(this.api.post(releases(), this.dev.token(), Map.of("name", "1.5")).status()).isEqualTo(403);
		Api.Response bad = this.api.post(releases(), this.ann.token(), Map.of("name", "a, b"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(this.api.get(releases(), this.dev.token()).body()).hasSize(1);
		TestUser stranger = this.api.newUser("Stan");
		assertThat(this.api.get(releases(), stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/releases/" + created.body().get("id").asString(), stranger.token()).status())
			.isEqualTo(404);
	}

	@Test
	void bugsAreFixedInAndAffectReleasesWithHistoryAndCounts() {
		String id = release("1.4").body().get("id").asString();
		release("1.3");
		String a = bug("Crash on export"), b = bug("Slow search");
		Api.Response set = this.api.patch("/api/bugs/" + a, this.dev.token(),
				Map.of("fixed_in", "1.4", "affects", "1.3"));
		assertThat(set.status()).as(set.raw()).isEqualTo(200);
		assertThat(set.body().get("fixed_in").asString()).isEqualTo("1.4");
		assertThat(set.body().get("affects").asString()).isEqualTo("1.3");
		this.api.patch("/api/bugs/" + b, this.dev.token(), Map.of("fixed_in", "1.4"));
		this.api.patch("/api/bugs/" + b, this.ann.token(), Map.of("status", "resolved", "resolution", "fixed"));

		JsonNode release = this.api.get("/api/releases/" + id, this.dev.token()).body();
		assertThat(release.get("open_count").asInt()).isEqualTo(1);
		assertThat(release.get("resolved_count").asInt()).isEqualTo(1);
		assertThat(this.api.get("/api/bugs/" + a + "/history", this.dev.token()).body().toString())
			.contains("\"field\":\"fixed_in\"")
			.contains("\"new_value\":\"1.4\"");

		Api.Response unknown = this.api.patch("/api/bugs/" + a, this.dev.token(), Map.of("fixed_in", "9.9"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("fixed_in");

		assertThat(keys(this.api.get("/api/projects/" + this.key + "/bugs?fixed_in=1.4", this.dev.token()).body()))
			.containsExactlyInAnyOrder(a, b);
		assertThat(search("fixed_in:1.4 is:open")).containsExactly(a);
		assertThat(search("affects:1.3")).containsExactly(a);
		assertThat(search("-fixed_in:1.4")).isEmpty();

		// clearing
		assertThat(this.api.patch("/api/bugs/" + a, this.dev.token(), Map.of("affects", ""))
			.body()
			.get("affects")
			.isNull()).isTrue();
	}

	@Test
	void filingTakesTheAffectedReleaseAndBulkSetsFixedIn() {
		release("2.0");
		Api.Response filed = this.api.post("/api/projects/" + this.key + "/bugs", this.ann.token(),
				Map.of("title", "Broken in 2.0", "severity", "high", "affects", "2.0"));
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		assertThat(filed.body().get("affects").asString()).isEqualTo("2.0");
		String key = filed.body().get("key").asString();
		Api.Response bulk = this.api.post("/api/projects/" + this.key + "/bugs/bulk", this.dev.token(),
				Map.of("ids", List.of(key), "set", Map.of("fixed_in", "2.0")));
		assertThat(bulk.status()).as(bulk.raw()).isEqualTo(200);
		assertThat(this.api.get("/api/bugs/" + key, this.dev.token()).body().get("fixed_in").asString())
			.isEqualTo("2.0");
	}

	@Test
	void archivedReleasesLeaveTheListButKeepTheirBugs() {
		String id = release("0.9").body().get("id").asString();
		String a = bug("Old bug");
		this.api.patch("/api/bugs/" + a, this.dev.token(), Map.of("fixed_in", "0.9"));
		assertThat(this.api.patch("/api/releases/" + id, this.dev.token(), Map.of("archived", true)).status())
			.isEqualTo(403);
		Api.Response archived = this.api.patch("/api/releases/" + id, this.ann.token(),
				Map.of("archived", true, "released_on", "2026-11-30"));
		assertThat(archived.status()).isEqualTo(200);
		assertThat(archived.body().get("archived").asBoolean()).isTrue();
		assertThat(this.api.get(releases(), this.ann.token()).body()).isEmpty();
		assertThat(this.api.get(releases() + "?archived=true", this.ann.token()).body()).hasSize(1);
		assertThat(this.api.get("/api/bugs/" + a, this.dev.token()).body().get("fixed_in").asString()).isEqualTo("0.9");
	}

	private Api.Response release(String name) {
		return this.api.post(releases(), this.ann.token(), Map.of("name", name, "due_on", "2027-03-01"));
	}

	private String releases() {
		return "/api/projects/" + this.key + "/releases";
	}

	private String bug(String title) {
		return this.api.newBug(this.ann, this.key, title, "medium").get("key").asString();
	}

	private List<String> search(String q) {
		Api.Response r = this.api.get(
				"/api/projects/" + this.key + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
				this.ann.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		List<String> keys = new ArrayList<>();
		r.body().get("items").forEach(hit -> keys.add(hit.get("bug").get("key").asString()));
		return keys;
	}

	private static List<String> keys(JsonNode page) {
		List<String> keys = new ArrayList<>();
		page.get("items").forEach(bug -> keys.add(bug.get("key").asString()));
		return keys;
	}

}
