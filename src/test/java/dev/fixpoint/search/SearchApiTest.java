package dev.fixpoint.search;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SearchApiTest extends IntegrationTest {

	private TestUser ann, eve;

	private String key, otherKey;

	@BeforeEach
	void bugs() {
		this.ann = this.api.newUser("Ann");
		this.eve = this.api.newUser("Eve");
		this.key = this.api.newProject(this.ann).get("key").asString();
		this.otherKey = this.api.newProject(this.ann).get("key").asString();
		file(this.key, "Checkout fails with a payment timeout", "critical", List.of("checkout"),
				"The payment provider answers after 30 seconds");
		file(this.key, "Login page loops forever", "high", List.of("auth", "flaky"), "After the zeppelin update");
		file(this.otherKey, "Payment receipt has the wrong VAT", "medium", List.of(), "Invoices round badly");
		// someone else's project: must never show up
		String foreign = this.api.newProject(this.eve).get("key").asString();
		this.api.post("/api/projects/" + foreign + "/bugs", this.eve.token(),
				Map.of("title", "Payment secret leaked", "severity", "critical"));
	}

	private void file(String project, String title, String severity, List<String> tags, String description) {
		assertThat(this.api
			.post("/api/projects/" + project + "/bugs", this.ann.token(),
					Map.of("title", title, "severity", severity, "tags", tags, "description", description))
			.status()).isEqualTo(201);
	}

	private JsonNode search(String path, String q) {
		return search(path, q, null);
	}

	private JsonNode search(String path, String q, String cursor) {
		String paging = cursor == null ? "" : "&limit=1&cursor=" + cursor;
		Api.Response r = this.api.get(
				path + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + paging,
				this.ann.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	@Test
	void searchesAllMyProjectsRankedWithSnippetsAndNeverOthers() {
		JsonNode result = search("/api/search", "payment");
		assertThat(result.get("items").size()).isEqualTo(2);
		assertThat(result.toString()).doesNotContain("secret leaked");
		JsonNode first = result.get("items").get(0);
		assertThat(first.get("snippet_html").asString()).contains("<mark>");
		assertThat(first.get("rank").asDouble()).isPositive();
	}

	@Test
	void prefixesAndTyposStillFind() {
		assertThat(search("/api/search", "pay").get("items").size()).isEqualTo(2);
		assertThat(search("/api/search", "chekout").get("items").size()).isEqualTo(1);
	}

	@Test
	void queryLanguageFiltersAndScopes() {
		assertThat(search("/api/search", "payment severity:critical").get("items").size()).isEqualTo(1);
		assertThat(search("/api/search", "payment -severity:critical").get("items").size()).isEqualTo(1);
		assertThat(search("/api/projects/" + this.key + "/search", "payment").get("items").size()).isEqualTo(1);
		assertThat(search("/api/search", "loops tag:flaky is:open").get("items").size()).isEqualTo(1);
		assertThat(search("/api/search", "loops -tag:flaky").get("items").size()).isZero();
		assertThat(search("/api/search", "zeppelin reporter:me").get("items").size()).isEqualTo(1);
	}

	@Test
	void aBugKeyJumpsToTheBug() {
		JsonNode jump = search("/api/search", this.key + "-2");
		assertThat(jump.get("jump_to").asString()).isEqualTo(this.key + "-2");
	}

	@Test
	void badQueriesPointAtTheProblem() {
		Api.Response r = this.api.get("/api/search?q=payment%20colour:red", this.ann.token());
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body().get("position").asInt()).isEqualTo(8);
		assertThat(r.body().get("detail").asString()).contains("Unknown field 'colour'");
		Api.Response injection = this.api.get(
				"/api/search?q="
						+ java.net.URLEncoder.encode("'; drop table bugs; --", java.nio.charset.StandardCharsets.UTF_8),
				this.ann.token());
		assertThat(injection.status()).isEqualTo(200);
		assertThat(search("/api/search", "payment").get("items").size()).isEqualTo(2);
	}

	private List<String> titles(JsonNode result) {
		List<String> titles = new java.util.ArrayList<>();
		result.get("items").forEach(hit -> titles.add(hit.get("bug").get("title").asString()));
		return titles;
	}

	@Test
	void filtersAloneListBugsByUpdatedOrTheQuerysSort() {
		JsonNode open = search("/api/search", "status:open");
		assertThat(titles(open)).as("most recently updated first, across my projects")
			.containsExactly("Payment receipt has the wrong VAT", "Login page loops forever",
					"Checkout fails with a payment timeout");
		assertThat(open.get("items").get(0).get("snippet_html").asString()).isEmpty();
		assertThat(open.get("next_cursor").isNull()).isTrue();
		assertThat(titles(search("/api/search", "status:open severity:critical")))
			.containsExactly("Checkout fails with a payment timeout");
		assertThat(titles(search("/api/search", "assignee:none sort:-severity"))).containsExactly(
				"Checkout fails with a payment timeout", "Login page loops forever",
				"Payment receipt has the wrong VAT");
		assertThat(titles(search("/api/search", "tag:checkout")))
			.containsExactly("Checkout fails with a payment timeout");
		assertThat(titles(search("/api/search", "is:open reporter:me"))).as("never another user's project")
			.hasSize(3)
			.doesNotContain("Payment secret leaked");
		assertThat(titles(search("/api/projects/" + this.key + "/search", "is:open sort:created")))
			.containsExactly("Checkout fails with a payment timeout", "Login page loops forever");
	}

	@Test
	void filtersAlonePageWithTheListsCursor() {
		List<String> seen = new java.util.ArrayList<>();
		String cursor = "";
		for (int page = 0; page < 5; page++) {
			JsonNode result = search("/api/search", "is:open sort:-severity", cursor);
			seen.addAll(titles(result));
			if (result.get("next_cursor").isNull()) {
				break;
			}
			cursor = result.get("next_cursor").asString();
		}
		assertThat(seen).containsExactly("Checkout fails with a payment timeout", "Login page loops forever",
				"Payment receipt has the wrong VAT");
		Api.Response wrongCursor = this.api.get("/api/search?q=is:open&cursor=bm90LWEtY3Vyc29y", this.ann.token());
		assertThat(wrongCursor.status()).isEqualTo(400);
	}

	@Test
	void keysInAnyCaseJumpOnlyToBugsICanSee() {
		assertThat(search("/api/search", this.key.toLowerCase(java.util.Locale.ROOT) + "-1").get("jump_to").asString())
			.isEqualTo(this.key + "-1");
		assertThat(
				search("/api/projects/" + this.otherKey + "/search", " " + this.key + "-2 ").get("jump_to").asString())
			.isEqualTo(this.key + "-2");
		// no such bug, or another user's: the key is just words
		JsonNode missing = search("/api/search", this.key + "-99");
		assertThat(missing.get("jump_to").isNull()).isTrue();
		assertThat(missing.get("items").size()).isZero();
		JsonNode explicit = search("/api/search", "key:" + this.key + "-99");
		assertThat(explicit.get("jump_to").isNull()).isTrue();
	}

	@Test
	void quotedStatusNamesOrAndNegation() {
		String project = "/api/projects/" + this.key + "/search";
		assertThat(search(project, "status:\"In progress\"").get("items").size()).isZero();
		assertThat(search(project, "status:\"open\",\"in progress\"").get("items").size()).isEqualTo(2);
		assertThat(titles(search("/api/search", "severity:critical OR severity:medium")))
			.containsExactlyInAnyOrder("Checkout fails with a payment timeout", "Payment receipt has the wrong VAT");
		assertThat(titles(search("/api/search", "severity:critical,medium")))
			.containsExactlyInAnyOrder("Checkout fails with a payment timeout", "Payment receipt has the wrong VAT");
		assertThat(titles(search("/api/search", "tag:checkout OR tag:flaky"))).hasSize(2);
		assertThat(titles(search("/api/search", "-tag:flaky -status:closed"))).hasSize(2);
		assertThat(titles(search("/api/search", "is:open -severity:critical -payment")))
			.containsExactly("Login page loops forever");
		assertThat(titles(search("/api/search", "-is:closed -is:assigned"))).hasSize(3);
		assertThat(titles(search("/api/search", "-created:>7d"))).isEmpty();
	}

	@Test
	void badQueriesAre400sNamingThePosition() {
		for (var bad : Map
			.of("severity:critical OR status:open", 18, "status:\"in limbo\"", 7, "-created:2026-10-01", 0,
					"key:WEB-1 login", 0, "-tag:a OR -tag:b", 7)
			.entrySet()) {
			Api.Response r = this.api.get(
					"/api/projects/" + this.key + "/search?q="
							+ java.net.URLEncoder.encode(bad.getKey(), java.nio.charset.StandardCharsets.UTF_8),
					this.ann.token());
			assertThat(r.status()).as(bad.getKey()).isEqualTo(400);
			assertThat(r.body().get("position").asInt()).as(bad.getKey()).isEqualTo(bad.getValue());
			assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("q");
		}
	}

}
