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
		Api.Response r = this.api.get(
				path + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
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

}
