package dev.fixpoint.bugs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BugListApiTest extends IntegrationTest {

	private TestUser ann, dev;

	private String key;

	@BeforeAll
	void fileBugs() {
		this.api = new Api(baseUrl(), this.json);
		this.ann = this.api.newUser("Ann");
		this.dev = this.api.newUser("Dev");
		this.key = this.api.newProject(this.ann).get("key").asString();
		this.api.addMember(this.ann, this.key, this.dev, "developer");
		String[] severities = { "critical", "high", "medium", "low" };
		for (int i = 0; i < 12; i++) {
			Map<String, Object> bug = Api.body("title", "Payment fails case " + i, "severity", severities[i % 4],
					"priority", "P" + (i % 4), "tags", i % 3 == 0 ? List.of("flaky", "checkout") : List.of("checkout"),
					"description", i == 7 ? "The invoice PDF renders garbled glyphs" : "Steps in the description",
					"assignee_id", i % 2 == 0 ? this.dev.id().toString() : null, "due_date", i < 4 ? "2027-01-0" + (i + 1) : null);
			assertThat(this.api.post("/api/projects/" + this.key + "/bugs", this.ann.token(), bug).status()).isEqualTo(201);
		}
		this.api.patch("/api/bugs/" + this.key + "-2", this.ann.token(), Map.of("status", "in_progress"));
	}

	private JsonNode list(String query) {
		Api.Response r = this.api.get("/api/projects/" + this.key + "/bugs?" + query, this.dev.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	private static List<String> keys(JsonNode page) {
		List<String> keys = new ArrayList<>();
		page.get("items").forEach(b -> keys.add(b.get("key").asString()));
		return keys;
	}

	@Test
	void defaultOrderIsMostRecentlyUpdatedFirst() {
		List<String> keys = keys(list(""));
		assertThat(keys).hasSize(12);
		assertThat(keys.get(0)).isEqualTo(this.key + "-2");
	}

	@Test
	void filtersCombine() {
		assertThat(keys(list("severity=critical"))).hasSize(3);
		assertThat(keys(list("severity=critical,high"))).hasSize(6);
		assertThat(keys(list("severity=critical&severity=low&priority=P0"))).hasSize(3);
		assertThat(keys(list("status=in_progress"))).containsExactly(this.key + "-2");
		assertThat(keys(list("assignee=me"))).hasSize(6);
		assertThat(keys(list("assignee=none"))).hasSize(6);
		assertThat(keys(list("assignee=" + this.dev.username() + "&severity=critical"))).hasSize(3);
		assertThat(keys(list("reporter=" + this.ann.username()))).hasSize(12);
		assertThat(keys(list("tag=flaky"))).hasSize(4);
		assertThat(keys(list("tag=flaky&tag=checkout"))).hasSize(4);
		assertThat(keys(list("due_before=2027-01-03"))).hasSize(2);
		assertThat(keys(list("created_from=2000-01-01&created_to=2999-01-01"))).hasSize(12);
		assertThat(keys(list("created_from=2999-01-01"))).isEmpty();
		assertThat(keys(list("q=garbled%20invoice"))).containsExactly(this.key + "-8");
	}

	@Test
	void sortsAreMostImportantFirstWhenDescending() {
		JsonNode bySeverity = list("sort=-severity");
		assertThat(bySeverity.get("items").get(0).get("severity").asString()).isEqualTo("critical");
		assertThat(bySeverity.get("items").get(11).get("severity").asString()).isEqualTo("low");
		JsonNode byPriority = list("sort=priority");
		assertThat(byPriority.get("items").get(0).get("priority").asString()).isEqualTo("P3");
		assertThat(keys(list("sort=created")).get(0)).isEqualTo(this.key + "-1");
		assertThat(keys(list("sort=due")).get(0)).isEqualTo(this.key + "-1");
		assertThat(keys(list("sort=-due")).get(0)).isEqualTo(this.key + "-4");
	}

	@Test
	void keysetPaginationVisitsEveryBugOnceInEverySort() {
		for (String sort : List.of("-updated", "updated", "created", "-created", "priority", "-priority", "severity",
				"-severity", "due", "-due")) {
			Set<String> seen = new HashSet<>();
			String cursor = null;
			int pages = 0;
			do {
				JsonNode page = list("limit=5&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
				keys(page).forEach(k -> assertThat(seen.add(k)).as("duplicate " + k + " in " + sort).isTrue());
				cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
				pages++;
			}
			while (cursor != null);
			assertThat(seen).as(sort).hasSize(12);
			assertThat(pages).isEqualTo(3);
		}
	}

	@Test
	void badFiltersAreClear400s() {
		for (String query : List.of("severity=huge", "priority=P9", "status=nope", "assignee=nobody-at-all",
				"sort=title", "limit=0", "limit=101", "cursor=%25%25%25", "cursor=bm9wZQ", "created_from=yesterday",
				"due_before=31.12.2026")) {
			Api.Response r = this.api.get("/api/projects/" + this.key + "/bugs?" + query, this.dev.token());
			assertThat(r.status()).as(query).isEqualTo(400);
			assertThat(r.header("Content-Type")).as(query).startsWith("application/problem+json");
			assertThat(r.body().get("errors").size()).as(query).isPositive();
		}
	}

}
