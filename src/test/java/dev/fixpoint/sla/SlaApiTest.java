package dev.fixpoint.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** SLA configuration and the clock of each bug, through the HTTP API. */
class SlaApiTest extends IntegrationTest {

	static Instant due(JsonNode bug) {
		return bug.get("sla_due_at").isNull() ? null : Instant.parse(bug.get("sla_due_at").asString());
	}

	@Test
	void aNewBugGetsItsDueTimeInTheCreateResponseAndAgainOnASeverityChange() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		Instant before = this.clock.instant();
		JsonNode critical = this.api.newBug(ann, key, "Checkout down", "critical");
		assertThat(due(critical)).isBetween(before.plus(Duration.ofHours(4)),
				this.clock.instant().plus(Duration.ofHours(4)));
		assertThat(critical.get("sla_state").asString()).isEqualTo("on_track");

		JsonNode high = this.api
			.patch("/api/bugs/" + critical.get("key").asString(), ann.token(), Map.of("severity", "high"))
			.body();
		// recomputed from the original start, not from the change
		assertThat(due(high)).isEqualTo(due(critical).plus(Duration.ofHours(20)));
		JsonNode low = this.api
			.patch("/api/bugs/" + critical.get("key").asString(), ann.token(), Map.of("severity", "low"))
			.body();
		assertThat(low.get("sla_due_at").isNull()).isTrue();
		assertThat(low.get("sla_state").isNull()).isTrue();
		assertThat(this.api.newBug(ann, key, "Typo", "low").get("sla_due_at").isNull()).isTrue();
	}

	@Test
	void theClockStopsWhenTheBugIsDoneAndResumesWithTheRestOnReopen() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		String bug = this.api.newBug(ann, key, "Crash", "critical").get("key").asString();
		this.clock.advance(Duration.ofHours(1));
		JsonNode resolved = this.api
			.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "resolved", "resolution", "fixed"))
			.body();
		assertThat(resolved.get("sla_due_at").isNull()).isTrue();
		assertThat(resolved.get("sla_state").isNull()).isTrue();

		this.clock.advance(Duration.ofHours(10));
		Instant reopenedAt = this.clock.instant();
		JsonNode reopened = this.api.patch("/api/bugs/" + bug, ann.token(), Map.of("status", "open")).body();
		// one hour was used before the fix: three are left after the reopen
		assertThat(Duration.between(reopenedAt, due(reopened)).toSeconds()).isCloseTo(Duration.ofHours(3).toSeconds(),
				within(5L));
		assertThat(reopened.get("sla_state").asString()).isEqualTo("on_track");
	}

	@Test
	void adminsConfigureTargetsAndBusinessHoursAndNewBugsUseThem() {
		TestUser ann = this.api.newUser("Ann");
		JsonNode project = this.api.newProject(ann);
		String key = project.get("key").asString();
		assertThat(project.get("sla_config").get("critical").asString()).isEqualTo("4h");
		JsonNode defaults = this.api.get("/api/projects/" + key + "/sla-config", ann.token()).body();
		assertThat(defaults.get("medium").asString()).isEqualTo("1w");
		assertThat(defaults.get("low").isNull()).isTrue();

		Api.Response saved = this.api.put("/api/projects/" + key + "/sla-config", ann.token(),
				Api.body("critical", "2h", "high", "3d", "medium", null, "low", null, "time_zone", "Europe/Berlin",
						"business_hours",
						Map.of("days", List.of("mon", "tue", "wed", "thu", "fri"), "start", "09:00", "end", "17:00")));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body().get("business_hours").get("days").size()).isEqualTo(5);
		JsonNode shown = this.api.get("/api/projects/" + key, ann.token()).body().get("sla_config");
		assertThat(shown.get("critical").asString()).isEqualTo("2h");
		assertThat(shown.get("time_zone").asString()).isEqualTo("Europe/Berlin");
		assertThat(this.api.newBug(ann, key, "Slow page", "medium").get("sla_due_at").isNull()).isTrue();
		Instant due = due(this.api.newBug(ann, key, "Login broken", "critical"));
		// 2 working hours later, inside Berlin office hours on a weekday
		var local = due.atZone(java.time.ZoneId.of("Europe/Berlin"));
		assertThat(local.getDayOfWeek().getValue()).isBetween(1, 5);
		assertThat(local.toLocalTime()).isBetween(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0));
	}

	@Test
	void aBadConfigurationIsA400WithEveryFieldError() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		Api.Response bad = this.api.put("/api/projects/" + key + "/sla-config", ann.token(),
				Api.body("critical", "4 hours", "high", "0h", "time_zone", "Nowhere/Special", "business_hours",
						Map.of("days", List.of(), "start", "18:00", "end", "09:00")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
		assertThat(bad.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("critical", "high", "time_zone", "business_hours.days", "business_hours.end");
		assertThat(this.api.get("/api/projects/" + key + "/sla-config", ann.token()).body().get("critical").asString())
			.isEqualTo("4h");
	}

	@Test
	void onlyAdminsChangeTheConfigurationAndOutsidersSeeNothing() {
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		TestUser eve = this.api.newUser("Eve");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");
		assertThat(this.api.get("/api/projects/" + key + "/sla-config", dev.token()).status()).isEqualTo(200);
		assertThat(this.api.put("/api/projects/" + key + "/sla-config", dev.token(), Map.of("critical", "1h")).status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/projects/" + key + "/sla-config", eve.token()).status()).isEqualTo(404);
		assertThat(this.api.put("/api/projects/" + key + "/sla-config", eve.token(), Map.of("critical", "1h")).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + key + "/sla", eve.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + key + "/bugs?sla=breached", eve.token()).status()).isEqualTo(404);
	}

}
