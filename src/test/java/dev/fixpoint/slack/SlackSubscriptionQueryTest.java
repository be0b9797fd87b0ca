package dev.fixpoint.slack;

import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription's query (the search language): only matching bugs post; a query that
 * does not parse or names what the project does not have is a 400 on {@code query} and
 * saves nothing; a subscription without one is unchanged.
 */
class SlackSubscriptionQueryTest extends IntegrationTest {

	private TestWorkspace slack;

	private TestUser admin;

	private String project;

	private String subscriptions;

	@BeforeEach
	void connect() {
		this.admin = this.api.newUser("slackquery");
		this.project = this.api.newProject(this.admin).get("key").asString();
		this.slack = new TestWorkspace(baseUrl(), this.api, this.clock, this.json, this.admin).connect();
		this.subscriptions = "/api/projects/" + this.project + "/integrations/slack/subscriptions";
		assertThat(this.api
			.post("/api/projects/" + this.project + "/components", this.admin.token(), Map.of("name", "Checkout"))
			.status()).isEqualTo(201);
	}

	@Test
	void onlyBugsMatchingTheQueryPost() {
		String channel = "C" + this.slack.teamId.substring(1);
		Api.Response created = this.api.post(this.subscriptions, this.admin.token(),
				Map.of("channel_id", channel, "events", List.of("bug.created"), "severities", List.of(), "query",
						"  component:checkout tag:payments priority:P1,P0 -tag:flaky  "));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(created.body().get("query").asString())
			.isEqualTo("component:checkout tag:payments priority:P1,P0 -tag:flaky");

		String matching = file("Card declined twice", "checkout", List.of("payments"), "P1");
		String otherComponent = file("Card form misaligned", null, List.of("payments"), "P1");
		String flaky = file("Card test flickers", "checkout", List.of("payments", "flaky"), "P1");
		String lowPriority = file("Card icon blurry", "checkout", List.of("payments"), "P3");

		assertThat(postsFor(matching)).hasSize(1);
		assertThat(postsFor(matching).get(0).get("channel").asString()).isEqualTo(channel);
		assertThat(postsFor(otherComponent)).isEmpty();
		assertThat(postsFor(flaky)).isEmpty();
		assertThat(postsFor(lowPriority)).isEmpty();

		JsonNode listed = this.api.get(this.subscriptions, this.admin.token()).body().get("items").get(0);
		assertThat(listed.get("query").asString())
			.isEqualTo("component:checkout tag:payments priority:P1,P0 -tag:flaky");
	}

	@Test
	void aBadQueryIsA400OnTheFieldAndSavesNothing() {
		for (String query : List.of("colour:red", "component:warehouse", "status:nowhere", "assignee:me",
				"reporter:nobody-by-that-name", "x".repeat(1001))) {
			Api.Response refused = this.api.post(this.subscriptions, this.admin.token(),
					Map.of("channel_id", "C0QUERY01", "events", List.of("bug.created"), "query", query));

			assertThat(refused.status()).as(query + ": " + refused.raw()).isEqualTo(400);
			assertThat(refused.header("content-type")).startsWith("application/problem+json");
			assertThat(refused.body().get("errors").get(0).get("field").asString()).as(query).isEqualTo("query");
			assertThat(refused.body().get("errors").get(0).get("message").asString()).as(query).isNotBlank();
		}
		assertThat(this.api.get(this.subscriptions, this.admin.token()).body().get("items")).isEmpty();
	}

	@Test
	void isAndNegatedTermsAreFine() {
		Api.Response created = this.api.post(this.subscriptions, this.admin.token(),
				Map.of("channel_id", "C0QUERY02", "channel_name", "#mobile-bugs", "events", List.of("bug.created"),
						"severities", List.of("critical", "high"), "query", "-tag:flaky is:open"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
	}

	@Test
	void theSettingsPageRefusesABadQueryInlineThenSavesAGoodOne() {
		dev.fixpoint.support.BrowserSession browser = dev.fixpoint.support.BrowserSession.signedIn(baseUrl(), this.api,
				this.admin);
		String page = "/p/" + this.project + "/settings/slack";
		browser.get(page);
		List<Map.Entry<String, String>> form = new java.util.ArrayList<>(List.of(Map.entry("channel_id", "C0PAGE01"),
				Map.entry("channel_name", "#mobile-bugs"), Map.entry("events", "bug.created"),
				Map.entry("severities", "critical"), Map.entry("severities", "high")));
		List<Map.Entry<String, String>> bad = new java.util.ArrayList<>(form);
		bad.add(Map.entry("query", "component:warehouse -tag:flaky"));

		dev.fixpoint.support.BrowserSession.Page refused = browser.post(page, bad, Map.of());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("Query does not fit this project: 'warehouse' is not a component");

		List<Map.Entry<String, String>> good = new java.util.ArrayList<>(form);
		good.add(Map.entry("query", "-tag:flaky is:open"));
		dev.fixpoint.support.BrowserSession.Page saved = browser.post(page, good, Map.of());
		assertThat(saved.location()).as(saved.text()).isEqualTo(page);
		assertThat(browser.get(page).text()).contains("query: -tag:flaky is:open");
	}

	@Test
	void aBlankQueryMeansEveryBug() {
		Api.Response created = this.api.post(this.subscriptions, this.admin.token(), Map.of("channel_id",
				"C" + this.slack.teamId.substring(1), "events", List.of("bug.created"), "query", "   "));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(created.body().get("query").isNull()).isTrue();

		assertThat(postsFor(file("Anything at all", null, List.of(), "P2"))).hasSize(1);
	}

	private String file(String title, String component, List<String> tags, String priority) {
		Map<String, Object> bug = new java.util.LinkedHashMap<>(
				Map.of("title", title, "severity", "high", "tags", tags, "priority", priority));
		if (component != null) {
			bug.put("component", component);
		}
		Api.Response filed = this.api.post("/api/projects/" + this.project + "/bugs", this.admin.token(), bug);
		assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
		return filed.body().get("key").asString();
	}

	private List<JsonNode> postsFor(String key) {
		return this.slack.sent("chat.postMessage")
			.stream()
			.filter(p -> p.path("text").asString("").startsWith(key + ":"))
			.toList();
	}

}
