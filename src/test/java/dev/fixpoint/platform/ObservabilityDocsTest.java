package dev.fixpoint.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Scrape;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the alert examples under docs/observability use only metrics
 * that a real scrape of the running application has: renaming a meter without them fails
 * here.
 */
class ObservabilityDocsTest extends IntegrationTest {

	private static final Path DOCS = Path.of("docs/observability");

	/** PromQL words that are not metrics. */
	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "offset", "and", "or", "unless");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern
		.compile("(?<![a-zA-Z0-9_:.])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

	@Test
	void everyMetricTheDashboardAndTheAlertsUseIsInAScrape() throws IOException {
		System.gc(); // at least one GC pause, so its series exist however young the JVM
		this.api.get("/api/me", this.api.newUser("Watched").token()); // a request series
		Scrape scrape = Scrape.of(baseUrl());
		assertThat(scrape.status()).isEqualTo(200);

		Set<String> dashboard = metrics(dashboardQueries());
		Set<String> alerts = metrics(alertQueries());
		assertThat(dashboard).contains("http_server_requests_seconds_bucket", "jvm_memory_used_bytes",
				"hikaricp_connections_pending", "fixpoint_email_outbox_oldest_age_seconds", "fixpoint_bugs_filed_total",
				"fixpoint_sla_escalations_total", "fixpoint_search_seconds_bucket");
		assertThat(alerts).contains("fixpoint_email_outbox_oldest_age_seconds", "fixpoint_outbox_oldest_age_seconds",
				"hikaricp_connections_active");
		assertThat(scrape.sampleNames()).containsAll(dashboard).containsAll(alerts);
	}

	@Test
	void metricNamesAreFoundInPromQl() {
		assertThat(metrics(List.of(
				"histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket{instance=~\"$instance\",uri!=\"/x\"}[$__rate_interval])))",
				"max by (instance) (hikaricp_connections_active / hikaricp_connections_max) > 0.9",
				"label_values(jvm_info, instance)")))
			.containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "hikaricp_connections_active",
					"hikaricp_connections_max", "jvm_info");
	}

	private List<String> dashboardQueries() throws IOException {
		JsonNode dashboard = this.json.readTree(Files.readString(DOCS.resolve("grafana-dashboard.json")));
		List<String> queries = new ArrayList<>();
		dashboard.findValues("expr").forEach(expr -> queries.add(expr.asString()));
		dashboard.path("templating").path("list").forEach(v -> {
			if (v.path("definition").isString()) {
				queries.add(v.path("definition").asString());
			}
		});
		assertThat(queries).hasSizeGreaterThan(20);
		return queries;
	}

	@SuppressWarnings("unchecked")
	private static List<String> alertQueries() throws IOException {
		Map<String, Object> file = new Yaml().load(Files.readString(DOCS.resolve("alerts.yml")));
		List<String> queries = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				queries.add((String) rule.get("expr"));
			}
		}
		assertThat(queries).hasSizeGreaterThan(5);
		return queries;
	}

	/**
	 * The metric names in PromQL queries: label matchers, ranges, groupings, strings and
	 * Grafana variables removed, then every word that is not a function or keyword.
	 * {@code label_values(metric, label)} names its metric first.
	 */
	static Set<String> metrics(List<String> queries) {
		Set<String> names = new TreeSet<>();
		for (String query : queries) {
			String q = query.replaceAll("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1")
				.replaceAll("\"[^\"]*\"", "")
				.replaceAll("\\{[^}]*}", "")
				.replaceAll("\\[[^]]*]", "")
				.replaceAll("\\$\\w+", "");
			q = GROUPING.matcher(q).replaceAll(" ");
			Matcher m = IDENTIFIER.matcher(q);
			while (m.find()) {
				if (!KEYWORDS.contains(m.group())) {
					names.add(m.group());
				}
			}
		}
		return names;
	}

}
