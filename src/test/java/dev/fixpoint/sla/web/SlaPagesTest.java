package dev.fixpoint.sla.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.fixpoint.sla.SlaEscalations;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA dashboard, the settings form and the SLA column of the bug list, without
 * JavaScript.
 */
class SlaPagesTest extends IntegrationTest {

	@Autowired
	SlaEscalations escalations;

	private TestUser ann;

	private String project;

	@BeforeEach
	void project() {
		this.ann = this.api.newUser("Ann");
		this.project = this.api.newProject(this.ann).get("key").asString();
	}

	@Test
	void theDashboardShowsBreachedAndAtRiskBugsAndTheListShowsBadges() {
		String late = this.api.newBug(this.ann, this.project, "Checkout <b>down</b>", "critical").get("key").asString();
		this.clock.advance(Duration.ofHours(5));
		String risky = this.api.newBug(this.ann, this.project, "Search slow", "high").get("key").asString();
		this.clock.advance(Duration.ofHours(19));
		this.escalations.escalate(this.clock.instant());
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.ann);

		Page dashboard = browser.get("/p/" + this.project + "/sla");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("href=\"/p/" + this.project + "/sla\" class=\"active\"");
		assertThat(dashboard.body()).containsSubsequence("Breached", "/bugs/" + late, "At risk", "/bugs/" + risky);
		assertThat(dashboard.body()).contains("Checkout &lt;b&gt;down&lt;/b&gt;").doesNotContain("<b>down</b>");
		assertThat(dashboard.body()).contains("href=\"/p/" + this.project + "/bugs?sla=breached\"");

		Page list = browser.get("/p/" + this.project + "/bugs?sla=breached");
		assertThat(list.body()).contains("sla-breached", "/bugs/" + late).doesNotContain("/bugs/" + risky + "\"");
		assertThat(list.body()).contains("<option value=\"breached\" selected>");
		Page all = browser.get("/p/" + this.project + "/bugs");
		assertThat(all.body()).contains("sla-at_risk", "At risk");
		Page bug = browser.get("/bugs/" + late);
		assertThat(bug.body()).contains("sla-breached", ">Breached");
		// the breach raised the critical bug to P0, on behalf of the system
		assertThat(bug.text()).contains("System changed priority");
	}

	@Test
	void adminsSaveSettingsAndSeeTheirMistakesInline() {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.ann);
		Page form = browser.get("/p/" + this.project + "/sla/settings");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("value=\"4h\"", "value=\"1w\"");

		Page bad = browser.post("/p/" + this.project + "/sla/settings",
				List.of(Map.entry("critical", "soon"), Map.entry("high", "24h"), Map.entry("business_hours", "on"),
						Map.entry("start", "17:00"), Map.entry("end", "09:00"), Map.entry("time_zone", "UTC")),
				Map.of());
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("value=\"soon\"", "field-error", "must be after the start",
				"needs at least one day");

		Page saved = browser.post("/p/" + this.project + "/sla/settings",
				List.of(Map.entry("critical", "2h"), Map.entry("high", "1d"), Map.entry("medium", ""),
						Map.entry("business_hours", "on"), Map.entry("days", "mon"), Map.entry("days", "tue"),
						Map.entry("start", "08:00"), Map.entry("end", "16:00"),
						Map.entry("time_zone", "Europe/Berlin")),
				Map.of());
		assertThat(saved.isRedirectTo("/p/" + this.project + "/sla/settings?saved")).isTrue();
		var config = this.api.get("/api/projects/" + this.project + "/sla-config", this.ann.token()).body();
		assertThat(config.get("critical").asString()).isEqualTo("2h");
		assertThat(config.get("medium").isNull()).isTrue();
		assertThat(config.get("business_hours").get("days").toString()).isEqualTo("[\"mon\",\"tue\"]");
		assertThat(browser.get("/p/" + this.project + "/sla").body()).contains("mon, tue 08:00–16:00 (Europe/Berlin)");
	}

	@Test
	void membersSeeTheDashboardButNotTheSettingsAndOutsidersNeither() {
		TestUser dev = this.api.newUser("Dev");
		TestUser eve = this.api.newUser("Eve");
		this.api.addMember(this.ann, this.project, dev, "developer");
		BrowserSession devBrowser = BrowserSession.signedIn(baseUrl(), this.api, dev);
		assertThat(devBrowser.get("/p/" + this.project + "/sla").status()).isEqualTo(200);
		assertThat(devBrowser.get("/p/" + this.project + "/sla").body()).doesNotContain("/sla/settings");
		assertThat(devBrowser.get("/p/" + this.project + "/sla/settings").status()).isEqualTo(403);
		assertThat(devBrowser.post("/p/" + this.project + "/sla/settings", Map.of("critical", "1h")).status())
			.isEqualTo(403);
		BrowserSession eveBrowser = BrowserSession.signedIn(baseUrl(), this.api, eve);
		assertThat(eveBrowser.get("/p/" + this.project + "/sla").status()).isEqualTo(404);
		assertThat(eveBrowser.get("/p/" + this.project + "/sla/settings").status()).isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + this.project + "/sla-config", this.ann.token())
			.body()
			.get("critical")
			.asString()).isEqualTo("4h");
	}

}
