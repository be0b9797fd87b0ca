package dev.fixpoint.analytics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted history on a moved clock, and the numbers computed by hand:
 *
 * <pre>
 * D0 09:00  A (critical), B (high), C (medium, component api, tag flaky, assigned to Dev) filed
 * D0 11:00  A open -> in_progress          (A was open 2 h)
 * D0 15:00  A in_progress -> resolved      (4 h in progress; resolution fixed)
 * D1 09:00  B open -> resolved             (B open 24 h; won't fix; time to resolve 24 h)
 * D1 12:00  A resolved -> open (reopen)    (A resolved 21 h)
 * D2 12:00  A open -> resolved             (A open 24 h again; time to resolve D0 09:00 -> D2 12:00 = 51 h)
 * </pre>
 */
class AnalyticsApiTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private LocalDate d0;

	private TestUser ann;

	private TestUser dev;

	private String key;

	private String a;

	private String c;

	@BeforeEach
	void scriptedHistory() {
		Instant now = this.clock.instant();
		LocalDate monday = now.atOffset(ZoneOffset.UTC)
			.toLocalDate()
			.plusDays(2)
			.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		this.d0 = monday;
		this.clock.advance(Duration.between(now, monday.atTime(9, 0).toInstant(ZoneOffset.UTC)));
		this.ann = this.api.newUser("Ann");
		this.dev = this.api.newUser("Dev");
		this.key = this.api.newProject(this.ann).get("key").asString();
		this.api.addMember(this.ann, this.key, this.dev, "developer");
		assertThat(this.api.post("/api/projects/" + this.key + "/components", this.ann.token(), Map.of("name", "api"))
			.status()).isEqualTo(201);
		String a = this.api.newBug(this.ann, this.key, "Checkout crashes", "critical").get("key").asString();
		String b = this.api.newBug(this.ann, this.key, "Slow search", "high").get("key").asString();
		Api.Response c = this.api.post("/api/projects/" + this.key + "/bugs", this.ann.token(),
				Map.of("title", "Flaky login", "severity", "medium", "component", "api", "tags", List.of("flaky"),
						"assignee_id", this.dev.id().toString()));
		assertThat(c.status()).isEqualTo(201);
		this.a = a;
		this.c = c.body().get("key").asString();
		move(Duration.ofHours(2), a, Map.of("status", "in_progress"));
		move(Duration.ofHours(4), a, Map.of("status", "resolved", "resolution", "fixed"));
		move(Duration.ofHours(18), b, Map.of("status", "resolved", "resolution", "wont_fix"));
		move(Duration.ofHours(3), a, Map.of("status", "open"));
		move(Duration.ofHours(24), a, Map.of("status", "resolved", "resolution", "fixed"));
	}

	private void move(Duration after, String bug, Map<String, Object> change) {
		this.clock.advance(after);
		assertThat(this.api.patch("/api/bugs/" + bug, this.ann.token(), change).status()).isEqualTo(200);
	}

	private JsonNode analytics(String query) {
		Api.Response r = this.api.get("/api/projects/" + this.key + "/analytics" + query, this.ann.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body();
	}

	private String period() {
		return "?from=" + this.d0 + "&to=" + this.d0.plusDays(2);
	}

	private static List<Integer> counts(JsonNode series) {
		return series.valueStream().map(p -> p.get("count").asInt()).toList();
	}

	@Test
	void createdResolvedReopenedAndTheBacklogPerDay() {
		JsonNode r = analytics(period());
		assertThat(r.get("interval").asString()).isEqualTo("day");
		assertThat(r.get("created").get(0).get("period").asString()).isEqualTo(this.d0.toString());
		assertThat(counts(r.get("created"))).containsExactly(3, 0, 0);
		assertThat(counts(r.get("resolved"))).containsExactly(1, 1, 1);
		assertThat(counts(r.get("reopened"))).containsExactly(0, 1, 0);
		// D0: B and C open; D1: C and the reopened A; D2: C
		assertThat(counts(r.get("open_backlog"))).containsExactly(2, 2, 1);
		assertThat(r.get("open").asInt()).isEqualTo(1);
		assertThat(r.get("open_by_severity").get("medium").asInt()).isEqualTo(1);
		assertThat(r.get("open_by_severity").get("critical").asInt()).isZero();
		assertThat(r.get("open_by_priority").get("P2").asInt()).isEqualTo(1);
	}

	@Test
	void timeToResolveVelocityReopenRateAndThroughput() {
		JsonNode r = analytics(period());
		JsonNode mttr = r.get("mttr_hours");
		// A: 51 h, B: 24 h
		assertThat(mttr.get("bugs").asInt()).isEqualTo(2);
		assertThat(mttr.get("mean").asDouble()).isEqualTo(37.5);
		assertThat(mttr.get("median").asDouble()).isEqualTo(37.5);
		assertThat(mttr.get("by_severity").get("critical").get("mean").asDouble()).isEqualTo(51.0);
		assertThat(mttr.get("by_severity").get("high").get("median").asDouble()).isEqualTo(24.0);
		assertThat(mttr.get("by_severity").get("low").get("bugs").asInt()).isZero();
		// three resolutions in three days
		assertThat(r.get("velocity").get("per_week").asDouble()).isEqualTo(7.0);
		assertThat(r.get("velocity").get("resolved").asInt()).isEqualTo(3);
		// one reopen per three resolutions
		assertThat(r.get("reopen_rate").get("reopened").asInt()).isEqualTo(1);
		assertThat(r.get("reopen_rate").get("pct").asDouble()).isEqualTo(33.3);
		assertThat(r.get("throughput_by_resolution").get("fixed").asInt()).isEqualTo(1);
		assertThat(r.get("throughput_by_resolution").get("wont_fix").asInt()).isEqualTo(1);
		assertThat(r.get("throughput_by_resolution").get("duplicate").asInt()).isZero();
	}

	@Test
	void timeInEachStatusAgeWorkloadAndHotspots() {
		JsonNode r = analytics(period());
		Map<String, JsonNode> status = new java.util.HashMap<>();
		r.get("time_in_status").valueStream().forEach(s -> status.put(s.get("status").asString(), s));
		// open: A 2 h, B 24 h, A 24 h again
		assertThat(status.get("open").get("stretches").asInt()).isEqualTo(3);
		assertThat(status.get("open").get("mean_hours").asDouble()).isEqualTo(16.67);
		assertThat(status.get("in_progress").get("mean_hours").asDouble()).isEqualTo(4.0);
		assertThat(status.get("resolved").get("mean_hours").asDouble()).isEqualTo(21.0);
		assertThat(status.get("in_review").get("stretches").asInt()).isZero();
		// C is 51 hours old
		JsonNode ages = r.get("age_of_open_bugs");
		assertThat(ages.get(1).get("bucket").asString()).isEqualTo("1-7d");
		assertThat(ages.get(1).get("count").asInt()).isEqualTo(1);
		JsonNode workload = r.get("workload");
		assertThat(workload).hasSize(1);
		assertThat(workload.get(0).get("user").get("username").asString()).isEqualTo(this.dev.username());
		assertThat(workload.get(0).get("open").asInt()).isEqualTo(1);
		assertThat(workload.get(0).get("by_severity").get("medium").asInt()).isEqualTo(1);
		JsonNode api = r.get("hotspots")
			.get("components")
			.valueStream()
			.filter(h -> h.get("name").asString().equals("api"))
			.findFirst()
			.orElseThrow();
		assertThat(api.get("created").asInt()).isEqualTo(1);
		assertThat(api.get("open").asInt()).isEqualTo(1);
		JsonNode flaky = r.get("hotspots").get("tags").get(0);
		assertThat(flaky.get("name").asString()).isEqualTo("flaky");
		assertThat(flaky.get("created").asInt()).isEqualTo(1);
		assertThat(r.get("sla").has("compliance_pct")).isTrue();
	}

	@Test
	void tagHotspotsCountOpenBugsAndTimeInStatusFollowsTheTag() {
		// D2 13:00: C (flaky) leaves open after 52 h
		move(Duration.ofHours(1), this.c, Map.of("status", "in_progress"));
		JsonNode r = analytics(period());
		JsonNode flaky = r.get("hotspots").get("tags").get(0);
		assertThat(flaky.get("name").asString()).isEqualTo("flaky");
		assertThat(flaky.get("open").asInt()).isEqualTo(1);
		assertThat(r.get("workload").get(0).get("in_progress").asInt()).isEqualTo(1);
		Map<String, JsonNode> all = statusTimes(r);
		assertThat(all.get("open").get("stretches").asInt()).isEqualTo(4);
		Map<String, JsonNode> tagged = statusTimes(analytics(period() + "&tag=flaky"));
		assertThat(tagged.get("open").get("stretches").asInt()).isEqualTo(1);
		assertThat(tagged.get("open").get("mean_hours").asDouble()).isEqualTo(52.0);
		assertThat(tagged.get("resolved").get("stretches").asInt()).isZero();
		assertThat(statusTimes(analytics(period() + "&tag=nothing")).get("open").get("stretches").asInt()).isZero();
	}

	/**
	 * A replaced workflow moves the bugs of a removed status: counted like edits. D2
	 * 13:00 "resolved" is removed and mapped to "open": A and B are reopened.
	 */
	@Test
	void aWorkflowReplacementMovesCountLikeEdits() {
		this.clock.advance(Duration.ofHours(1));
		JsonNode current = this.api.get("/api/projects/" + this.key + "/workflow", this.ann.token()).body();
		@SuppressWarnings("unchecked")
		Map<String, Object> workflow = this.json.convertValue(current, Map.class);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> statuses = (List<Map<String, Object>>) workflow.get("statuses");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> transitions = (List<Map<String, Object>>) workflow.get("transitions");
		workflow.put("statuses", statuses.stream().filter(s -> !"resolved".equals(s.get("key"))).toList());
		List<Map<String, Object>> kept = new java.util.ArrayList<>(transitions.stream()
			.filter(t -> !"resolved".equals(t.get("from")) && !"resolved".equals(t.get("to")))
			.toList());
		kept.add(Map.of("from", "in_review", "to", "closed", "name", "Close"));
		workflow.put("transitions", kept);
		workflow.put("status_mapping", Map.of("resolved", "open"));
		Api.Response replaced = this.api.put("/api/projects/" + this.key + "/workflow", this.ann.token(), workflow);
		assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);

		JsonNode bug = this.api.get("/api/bugs/" + this.a, this.ann.token()).body();
		assertThat(bug.get("status").asString()).isEqualTo("open");
		assertThat(bug.get("resolved_at").isNull()).isTrue();
		JsonNode r = analytics(period());
		assertThat(counts(r.get("reopened"))).containsExactly(0, 1, 2);
		assertThat(counts(r.get("open_backlog"))).containsExactly(2, 2, 3);
		assertThat(r.get("open").asInt()).isEqualTo(3);
		assertThat(r.get("open_by_severity").get("critical").asInt()).isEqualTo(1);
		assertThat(r.get("open_by_severity").get("high").asInt()).isEqualTo(1);
		// resolved: A 21 h, A 1 h, B 28 h
		JsonNode resolved = statusTimes(r).get("resolved");
		assertThat(resolved.get("stretches").asInt()).isEqualTo(3);
		assertThat(resolved.get("mean_hours").asDouble()).isEqualTo(16.67);
		assertThat(r.get("age_of_open_bugs").get(1).get("count").asInt()).isEqualTo(3);
	}

	@Test
	void aDeletedBugLeavesTheOpenCountsNotTheHistory() {
		assertThat(this.api.delete("/api/bugs/" + this.c, this.ann.token()).status()).isEqualTo(204);
		JsonNode r = analytics(period());
		assertThat(r.get("open").asInt()).isZero();
		assertThat(r.get("workload")).isEmpty();
		assertThat(r.get("hotspots").get("tags").get(0).get("open").asInt()).isZero();
		assertThat(counts(r.get("created"))).containsExactly(3, 0, 0);
	}

	@Test
	void rebuildingTheRollupsFromTheHistoryGivesTheSameReport() {
		// (a deleted bug's row and history are gone: a rebuild forgets it, the kept
		// rollups don't)
		String byDay = period() + "&interval=day";
		String byWeek = period() + "&interval=week";
		String tagged = period() + "&tag=flaky";
		JsonNode kept = numbers(byDay);
		JsonNode keptWeeks = numbers(byWeek);
		JsonNode keptTagged = numbers(tagged);

		// what bench data sets and an operator's repair use (V36): every rollup again
		// from bugs and bug_history
		this.jdbc.sql("select analytics_rebuild()").query().listOfRows();

		assertThat(numbers(byDay)).isEqualTo(kept);
		assertThat(numbers(byWeek)).isEqualTo(keptWeeks);
		assertThat(numbers(tagged)).isEqualTo(keptTagged);
	}

	/** The report without the time it was made at. */
	private JsonNode numbers(String query) {
		ObjectNode report = (ObjectNode) analytics(query);
		report.remove("generated_at");
		return report;
	}

	private static Map<String, JsonNode> statusTimes(JsonNode report) {
		Map<String, JsonNode> status = new java.util.HashMap<>();
		report.get("time_in_status").valueStream().forEach(s -> status.put(s.get("status").asString(), s));
		return status;
	}

	@Test
	void filtersNarrowEverySeries() {
		assertThat(counts(analytics(period() + "&severity=critical").get("created"))).containsExactly(1, 0, 0);
		assertThat(counts(analytics(period() + "&severity=critical").get("reopened"))).containsExactly(0, 1, 0);
		assertThat(counts(analytics(period() + "&component=api").get("created"))).containsExactly(1, 0, 0);
		JsonNode tagged = analytics(period() + "&tag=flaky");
		assertThat(counts(tagged.get("created"))).containsExactly(1, 0, 0);
		assertThat(tagged.get("open").asInt()).isEqualTo(1);
		JsonNode weekly = analytics(period() + "&interval=week");
		assertThat(counts(weekly.get("created"))).containsExactly(3);
		assertThat(counts(weekly.get("open_backlog"))).containsExactly(1);
	}

	@Test
	void weeksAndMonthsAddUpTheDays() {
		// forty days before D0 and up to D1: a month boundary or two, and D2's events
		// after the period, which
		// the backlog counts back from
		String range = "?from=" + this.d0.minusDays(40) + "&to=" + this.d0.plusDays(1);
		JsonNode daily = analytics(range + "&interval=day");
		for (String interval : List.of("week", "month")) {
			JsonNode r = analytics(range + "&interval=" + interval);
			for (String series : List.of("created", "resolved", "reopened")) {
				Map<String, Integer> expected = new java.util.TreeMap<>();
				daily.get(series)
					.valueStream()
					.forEach(p -> expected.merge(bucket(interval, p.get("period").asString()), p.get("count").asInt(),
							Integer::sum));
				assertThat(byPeriod(r.get(series))).as(interval + " " + series).isEqualTo(expected);
			}
			Map<String, Integer> lastDayOfEachBucket = new java.util.TreeMap<>();
			daily.get("open_backlog")
				.valueStream()
				.forEach(p -> lastDayOfEachBucket.put(bucket(interval, p.get("period").asString()),
						p.get("count").asInt()));
			assertThat(byPeriod(r.get("open_backlog"))).as(interval + " backlog").isEqualTo(lastDayOfEachBucket);
			assertThat(r.get("velocity")).as(interval + " velocity").isEqualTo(daily.get("velocity"));
			assertThat(r.get("mttr_hours").get("mean")).isEqualTo(daily.get("mttr_hours").get("mean"));
		}
	}

	private static String bucket(String interval, String day) {
		LocalDate d = LocalDate.parse(day);
		return (interval.equals("week") ? d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				: d.withDayOfMonth(1))
			.toString();
	}

	private static Map<String, Integer> byPeriod(JsonNode series) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		series.valueStream().forEach(p -> counts.put(p.get("period").asString(), p.get("count").asInt()));
		return counts;
	}

	@Test
	void withoutParametersTheLastThirtyDaysByDay() {
		JsonNode r = analytics("");
		assertThat(r.get("created")).hasSize(30);
		assertThat(r.get("to").asString())
			.isEqualTo(this.clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().toString());
	}

	@Test
	void badInputIs400NamingTheField() {
		assertField("?from=" + this.d0 + "&to=" + this.d0.minusDays(1), "from");
		assertField("?interval=year", "interval");
		assertField("?from=2020-01-01&to=2025-01-02", "from");
		assertField("?from=2026-13-01", "from");
		assertField("?to=yesterday", "to");
		assertField("?severity=urgent", "severity");
		TestUser bob = this.api.newUser("Bob");
		String other = this.api.newProject(bob).get("key").asString();
		assertThat(this.api.post("/api/projects/" + other + "/components", bob.token(), Map.of("name", "web")).status())
			.isEqualTo(201);
		assertField("?component=web", "component");
	}

	private void assertField(String query, String field) {
		Api.Response r = this.api.get("/api/projects/" + this.key + "/analytics" + query, this.ann.token());
		assertThat(r.status()).as(query).isEqualTo(400);
		assertThat(r.header("content-type")).startsWith("application/problem+json");
		assertThat(r.body().get("errors").get(0).get("field").asString()).as(query).isEqualTo(field);
	}

	@Test
	void everyRoleReadsNonMembersGet404() {
		TestUser viewer = this.api.newUser("Vic");
		this.api.addMember(this.ann, this.key, viewer, "viewer");
		assertThat(this.api.get("/api/projects/" + this.key + "/analytics", viewer.token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/projects/" + this.key + "/analytics", this.dev.token()).status()).isEqualTo(200);
		TestUser outsider = this.api.newUser("Eve");
		assertThat(this.api.get("/api/projects/" + this.key + "/analytics", outsider.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + this.key + "/analytics/export.csv", outsider.token()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + this.key + "/analytics", null).status()).isEqualTo(401);
	}

	@Test
	void anotherProjectsBugsNeverCount() {
		TestUser bob = this.api.newUser("Bob");
		String other = this.api.newProject(bob).get("key").asString();
		this.api.newBug(bob, other, "Elsewhere", "critical");
		assertThat(counts(analytics(period()).get("created"))).containsExactly(3, 0, 0);
	}

	@Test
	void orgAdminsSeeEveryProjectMembersAre403OutsidersAre404() {
		String org = this.api.get("/api/me", this.ann.token())
			.body()
			.get("organizations")
			.get(0)
			.get("slug")
			.asString();
		String second = this.api.newProject(this.ann).get("key").asString();
		this.api.newBug(this.ann, second, "Other project's bug", "low");
		Api.Response r = this.api.get("/api/orgs/" + org + "/analytics" + period(), this.ann.token());
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		// the second project's bug was filed on D2
		assertThat(counts(r.body().get("created"))).containsExactly(3, 0, 1);
		assertThat(r.body().get("projects")).hasSize(2);
		JsonNode mine = r.body()
			.get("projects")
			.valueStream()
			.filter(p -> p.get("key").asString().equals(this.key))
			.findFirst()
			.orElseThrow();
		assertThat(mine.get("resolved").asInt()).isEqualTo(3);
		assertThat(mine.get("mttr_mean_hours").asDouble()).isEqualTo(37.5);
		assertThat(r.body().get("open").asInt()).isEqualTo(2);

		assertThat(this.api
			.post("/api/orgs/" + org + "/members", this.ann.token(),
					Map.of("username", this.dev.username(), "role", "member"))
			.status()).isEqualTo(201);
		assertThat(this.api.get("/api/orgs/" + org + "/analytics", this.dev.token()).status()).isEqualTo(403);
		assertThat(this.api.get("/api/orgs/" + org + "/analytics", this.api.newUser("Eve").token()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/orgs/" + org + "/analytics?component=api", this.ann.token()).status())
			.isEqualTo(400);
	}

	@Test
	void csvExportHasTheNumbers() throws Exception {
		HttpResponse<String> r = download("/export.csv" + period(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
		assertThat(r.headers().firstValue("content-disposition").orElseThrow()).contains("analytics-" + this.key);
		List<String> lines = r.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFFsection,item,metric,value");
		assertThat(lines).contains("series," + this.d0 + ",created,3", "series," + this.d0.plusDays(1) + ",reopened,1",
				"series," + this.d0.plusDays(2) + ",open,1", "mttr_hours,all,mean,37.5",
				"mttr_hours,critical,mean,51.0", "reopen_rate,all,pct,33.3", "velocity,all,per_week,7.0",
				"time_in_status,open,mean_hours,16.67", "workload," + this.dev.username() + ",open,1");
	}

	@Test
	void pdfExportIsARealPdfWithTheNumbers() throws Exception {
		HttpResponse<byte[]> r = download("/export.pdf" + period(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("content-type").orElseThrow()).isEqualTo("application/pdf");
		String text;
		try (PDDocument pdf = Loader.loadPDF(r.body())) {
			text = new PDFTextStripper().getText(pdf);
		}
		assertThat(text).contains("Analytics: Project " + this.key, "Period: " + this.d0 + " to " + this.d0.plusDays(2),
				"Generated at: " + this.d0.plusDays(2), "Time to resolve, mean 37.5 h", "Reopen rate 33.3 %",
				"Velocity (resolved per week) 7.0", "critical 51.0 h 51.0 h 1", this.d0 + " 3 1 0 2", "Open 3 16.67 h");
	}

	private <T> HttpResponse<T> download(String path, HttpResponse.BodyHandler<T> handler)
			throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/projects/" + this.key + "/analytics" + path))
				.header("Authorization", "Bearer " + this.ann.token())
				.build(), handler);
	}

}
