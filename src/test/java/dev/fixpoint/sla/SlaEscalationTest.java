package dev.fixpoint.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation job against the real database: once per threshold, across restarts and
 * concurrent runs.
 */
class SlaEscalationTest extends IntegrationTest {

	@Autowired
	SlaEscalations escalations;

	@Autowired
	AutowireCapableBeanFactory beans;

	List<Integer> fired(UUID bugId) {
		return this.events.ofType(SlaThresholdReached.class)
			.stream()
			.filter(e -> e.bugId().equals(bugId))
			.map(SlaThresholdReached::percent)
			.toList();
	}

	JsonNode criticalBugAssignedTo(TestUser admin, TestUser dev, String key) {
		JsonNode bug = this.api.newBug(admin, key, "Payments fail", "critical");
		return this.api
			.patch("/api/bugs/" + bug.get("key").asString(), admin.token(),
					Map.of("assignee_id", dev.id().toString(), "priority", "P2"))
			.body();
	}

	@Autowired
	SlaEscalationJob job;

	@Autowired
	org.springframework.context.ConfigurableApplicationContext context;

	@Test
	void theScheduledRunEscalatesInsideOneTransaction() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		UUID id = UUID.fromString(criticalBugAssignedTo(ann, dev, key).get("id").asString());
		List<Boolean> inTransaction = new java.util.concurrent.CopyOnWriteArrayList<>();
		org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<SlaThresholdReached>> listener = e -> inTransaction
			.add(org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive());
		this.context.addApplicationListener(listener);
		try {
			this.clock.advance(Duration.ofMinutes(121));
			this.job.run();
		}
		finally {
			this.context.removeApplicationListener(listener);
		}
		assertThat(fired(id)).containsExactly(50);
		assertThat(inTransaction).isNotEmpty().containsOnly(true);
	}

	@Test
	void eachThresholdFiresOnceEvenWhenTheJobRunsAgainOrRestarts() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		JsonNode bug = criticalBugAssignedTo(ann, dev, key);
		UUID id = UUID.fromString(bug.get("id").asString());

		this.escalations.escalate(this.clock.instant());
		assertThat(fired(id)).isEmpty();

		this.clock.advance(Duration.ofMinutes(121));
		this.escalations.escalate(this.clock.instant());
		this.escalations.escalate(this.clock.instant());
		assertThat(fired(id)).containsExactly(50);
		SlaThresholdReached half = this.events.ofType(SlaThresholdReached.class)
			.stream()
			.filter(e -> e.bugId().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(half.assigneeId()).isEqualTo(dev.id());
		assertThat(half.key()).isEqualTo(bug.get("key").asString());
		assertThat(half.dueAt()).isEqualTo(Instant.parse(bug.get("sla_due_at").asString()));
		assertThat(half.breached()).isFalse();

		// a "restart": a brand-new job instance with no memory finds nothing left to send
		SlaEscalations restarted = this.beans.createBean(SlaEscalations.class);
		restarted.escalate(this.clock.instant());
		assertThat(fired(id)).containsExactly(50);

		this.clock.advance(Duration.ofMinutes(60));
		restarted.escalate(this.clock.instant());
		assertThat(fired(id)).containsExactly(50, 75);
		assertThat(this.api.get("/api/bugs/" + id, ann.token()).body().get("sla_state").asString())
			.isEqualTo("at_risk");
	}

	@Test
	void twoConcurrentRunsSendEachEscalationOnce() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		List<UUID> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(UUID.fromString(this.api.newBug(ann, key, "Outage " + i, "high").get("id").asString()));
		}
		this.clock.advance(Duration.ofHours(13));
		Instant now = this.clock.instant();
		SlaEscalations other = this.beans.createBean(SlaEscalations.class);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = List.of(() -> this.escalations.escalate(now), () -> other.escalate(now));
			for (Future<Integer> f : pool.invokeAll(runs)) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		for (UUID id : ids) {
			assertThat(fired(id)).containsExactly(50);
		}
	}

	@Test
	void aBreachedCriticalBugIsRaisedToP0ByTheSystem() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		JsonNode bug = criticalBugAssignedTo(ann, dev, key);
		String ref = bug.get("key").asString();
		UUID id = UUID.fromString(bug.get("id").asString());

		// the job was down for the whole target: every threshold is sent once, in order
		this.clock.advance(Duration.ofHours(5));
		this.escalations.escalate(this.clock.instant());
		assertThat(fired(id)).containsExactly(50, 75, 100);
		JsonNode after = this.api.get("/api/bugs/" + ref, ann.token()).body();
		assertThat(after.get("priority").asString()).isEqualTo("P0");
		assertThat(after.get("sla_state").asString()).isEqualTo("breached");
		assertThat(after.get("version").asInt()).isEqualTo(bug.get("version").asInt() + 1);
		JsonNode raised = this.api.get("/api/bugs/" + ref + "/history", ann.token())
			.body()
			.valueStream()
			.filter(h -> h.get("field").asString().equals("priority") && h.get("new_value").asString().equals("P0"))
			.findFirst()
			.orElseThrow();
		assertThat(raised.get("old_value").asString()).isEqualTo("P2");
		assertThat(raised.get("user").isNull()).isTrue();

		// a reopen after the fix starts a new period: the breach is announced again, once
		this.api.patch("/api/bugs/" + ref, ann.token(), Map.of("status", "resolved", "resolution", "fixed"));
		this.api.patch("/api/bugs/" + ref, ann.token(), Map.of("status", "open"));
		this.escalations.escalate(this.clock.instant());
		this.escalations.escalate(this.clock.instant());
		assertThat(fired(id)).containsExactly(50, 75, 100, 100);
	}

	@Test
	void aHighBugThatBreachesKeepsItsPriority() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		JsonNode bug = this.api.newBug(ann, key, "Search slow", "high");
		this.clock.advance(Duration.ofHours(25));
		this.escalations.escalate(this.clock.instant());
		assertThat(fired(UUID.fromString(bug.get("id").asString()))).containsExactly(50, 75, 100);
		assertThat(
				this.api.get("/api/bugs/" + bug.get("key").asString(), ann.token()).body().get("priority").asString())
			.isEqualTo(bug.get("priority").asString());
	}

	@Test
	void theListAndTheQueryLanguageFilterBySlaState() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String late = this.api.newBug(ann, key, "Late widget", "critical").get("key").asString();
		this.clock.advance(Duration.ofHours(2));
		String fresh = this.api.newBug(ann, key, "Fresh widget", "high").get("key").asString();
		String none = this.api.newBug(ann, key, "Cosmetic widget", "low").get("key").asString();
		this.clock.advance(Duration.ofHours(3));
		this.escalations.escalate(this.clock.instant());

		assertThat(keys(this.api.get("/api/projects/" + key + "/bugs?sla=breached", ann.token())))
			.containsExactly(late);
		assertThat(keys(this.api.get("/api/projects/" + key + "/bugs?sla=on_track,at_risk", ann.token())))
			.containsExactly(fresh);
		assertThat(keys(this.api.get("/api/projects/" + key + "/bugs?sla=breached&sla=on_track", ann.token())))
			.containsExactlyInAnyOrder(late, fresh);
		Api.Response bad = this.api.get("/api/projects/" + key + "/bugs?sla=late", ann.token());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("sla");

		String search = "/api/projects/" + key + "/search?q=";
		assertThat(hitKeys(this.api.get(search + enc("sla:breached widget"), ann.token()))).containsExactly(late);
		assertThat(hitKeys(this.api.get(search + enc("-sla:breached widget"), ann.token())))
			.containsExactlyInAnyOrder(fresh, none);
		assertThat(hitKeys(this.api.get(search + enc("sla:at_risk,on_track widget"), ann.token())))
			.containsExactly(fresh);
		assertThat(this.api.get(search + enc("sla:late"), ann.token()).status()).isEqualTo(400);
	}

	@Test
	void theDashboardCountsComplianceRiskAndFirstResponse() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		String met = this.api.newBug(ann, key, "Fixed in time", "critical").get("key").asString();
		String missed = this.api.newBug(ann, key, "Fixed too late", "critical").get("key").asString();
		String open = this.api.newBug(ann, key, "Still open", "high").get("key").asString();
		this.clock.advance(Duration.ofHours(1));
		this.api.post("/api/bugs/" + met + "/comments", dev.token(), Map.of("content", "Looking at it"));
		this.api.patch("/api/bugs/" + met, dev.token(), Map.of("status", "resolved", "resolution", "fixed"));
		this.clock.advance(Duration.ofHours(19));
		this.api.patch("/api/bugs/" + missed, dev.token(), Map.of("status", "resolved", "resolution", "fixed"));
		this.escalations.escalate(this.clock.instant());

		JsonNode report = this.api.get("/api/projects/" + key + "/sla", ann.token()).body();
		assertThat(report.get("compliance_pct").asDouble()).isEqualTo(50.0);
		assertThat(report.get("at_risk").asInt()).isEqualTo(1);
		assertThat(report.get("breached").asInt()).isZero();
		assertThat(report.get("at_risk_bugs").get(0).get("key").asString()).isEqualTo(open);
		JsonNode critical = report.get("by_severity")
			.valueStream()
			.filter(s -> s.get("severity").asString().equals("critical"))
			.findFirst()
			.orElseThrow();
		assertThat(critical.get("met").asInt()).isEqualTo(1);
		assertThat(critical.get("total").asInt()).isEqualTo(2);
		assertThat(report.get("weekly").size()).isPositive();
		// two bugs got a first response from someone other than the reporter (the comment
		// and the status change)
		assertThat(report.get("responded_bugs").asInt()).isEqualTo(2);
		// one hour for the comment on the first bug, 20 hours for the status change of
		// the second
		assertThat(report.get("mean_first_response_hours").asDouble()).isBetween(10.4, 10.6);
	}

	private static List<String> keys(Api.Response r) {
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body().get("items").valueStream().map(b -> b.get("key").asString()).toList();
	}

	private static List<String> hitKeys(Api.Response r) {
		assertThat(r.status()).as(r.raw()).isEqualTo(200);
		return r.body().get("items").valueStream().map(h -> h.get("bug").get("key").asString()).toList();
	}

	private static String enc(String q) {
		return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
	}

}
